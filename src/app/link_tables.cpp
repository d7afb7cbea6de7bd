#include "app/link_tables.h"

#include <memory>

#include "base/csv_reader.h"
#include "normalize/bzip2.h"
#include "normalize/hanja.h"
#include "normalize/surnames.h"

namespace uncounted {

Result<link::LinkResources> load_link_tables(const link::LinkSpec& spec, const std::string& data_dir) {
  bool names = false, places = false;
  for (const auto& f : spec.fields) {
    names = names || f.kind == link::ComparatorKind::kKoreanName;
    places = places || f.kind == link::ComparatorKind::kPlace;
  }
  link::LinkResources resources;
  const std::string korean = data_dir + "/korean/";
  if (names) {
    const std::string path = korean + "surnames.csv";
    auto text = read_file(path);
    if (!text) return tl::unexpected(text.error());
    auto surnames = normalize::SurnameTable::parse(*text, path);
    if (!surnames) return tl::unexpected(surnames.error());
    std::shared_ptr<const normalize::HanjaReadings> hanja;
    auto readings = read_file(normalize::kDebianUnihanReadings);
    auto variants = read_file(normalize::kDebianUnihanVariants);
    if (readings && variants) {
      auto r = normalize::decompress_bzip2(*readings);
      auto v = normalize::decompress_bzip2(*variants);
      if (r && v) {
        auto h = normalize::HanjaReadings::parse(*r, *v);
        if (h) hanja = std::make_shared<const normalize::HanjaReadings>(std::move(*h));
      }
    }
    resources.names = std::make_shared<const normalize::NameAnalyzer>(
        std::make_shared<const normalize::SurnameTable>(std::move(*surnames)), hanja);
  }
  if (places) {
    const std::string kp = korean + "kp_admin_gazetteer.csv";
    const std::string cn = korean + "china_border_places.csv";
    auto kp_text = read_file(kp);
    if (!kp_text) return tl::unexpected(kp_text.error());
    auto cn_text = read_file(cn);
    if (!cn_text) return tl::unexpected(cn_text.error());
    auto g = normalize::Gazetteer::parse(*kp_text, kp, *cn_text, cn);
    if (!g) return tl::unexpected(g.error());
    resources.places = std::make_shared<const normalize::Gazetteer>(std::move(*g));
  }
  return resources;
}

}  // namespace uncounted
