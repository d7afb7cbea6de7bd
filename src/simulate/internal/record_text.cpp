#include "simulate/internal/record_text.h"

#include <array>
#include <cstdlib>

#include <fmt/format.h>

#include "normalize/hangul.h"
#include "normalize/romanize.h"
#include "simulate/internal/inventory.h"
#include "base/utf8.h"
#include "simulate/internal/text_util.h"

namespace uncounted::simulate::internal {
namespace {

struct ProvinceNames {
  std::string_view hangul, dprk, rr, mr;
};
constexpr auto kProvinceNames = std::to_array<ProvinceNames>({
    {"함경북도", "North Hamgyong", "North Hamgyeong", "Hamgyŏng-bukto"},
    {"함경남도", "South Hamgyong", "South Hamgyeong", "Hamgyŏng-namdo"},
    {"량강도", "Ryanggang", "Yanggang", "Yanggang-do"},
    {"자강도", "Jagang", "Jagang", "Chagang-do"},
    {"평안북도", "North Phyongan", "North Pyeongan", "P'yŏngan-bukto"},
    {"평안남도", "South Phyongan", "South Pyeongan", "P'yŏngan-namdo"},
    {"황해북도", "North Hwanghae", "North Hwanghae", "Hwanghae-bukto"},
    {"황해남도", "South Hwanghae", "South Hwanghae", "Hwanghae-namdo"},
    {"강원도", "Kangwon", "Gangwon", "Kangwŏn-do"},
    {"평양직할시", "Pyongyang", "Pyeongyang", "P'yŏngyang"},
    {"남포특별시", "Nampho", "Nampo", "Namp'o"},
});

constexpr auto kGenerics = std::to_array<std::string_view>({"구역", "지구", "시", "군", "구"});

// 회령시 -> {회령, 시}; 남양 -> {남양, ""}.
std::pair<std::u32string, std::string_view> split_generic(const std::string& hangul) {
  const std::u32string u = decode_utf8_lossy(hangul);
  for (std::string_view g : kGenerics) {
    const std::u32string gu = decode_utf8_lossy(g);
    if (u.size() > gu.size() + 1 && u.compare(u.size() - gu.size(), gu.size(), gu) == 0)
      return {u.substr(0, u.size() - gu.size()), g};
  }
  return {u, ""};
}

std::string romanized(const std::u32string& specific, normalize::Romanization system) {
  auto r = normalize::romanize_word(encode_utf8(specific), system);
  if (!r) std::abort();  // gazetteer Hangul is valid (tested)
  return capitalize_first(*r);
}

std::string_view latin_generic(std::string_view generic, NameStyle style) {
  const bool city = generic == "시";
  switch (style) {
    case NameStyle::kRrCapitals: return city ? "-si" : "-gun";
    case NameStyle::kMrDiacritics: return city ? "-si" : "-gun";
    default: return city ? " City" : " County";
  }
}

std::string korean_place(const normalize::Place& place, Rng& rng) {
  std::u32string u = decode_utf8_lossy(place.hangul);
  if (!u.empty() && rng.bernoulli(0.7)) u[0] = normalize::south_form(u[0]);
  if (place.level == "city/county" && rng.bernoulli(0.4)) {
    auto [specific, generic] = split_generic(encode_utf8(u));
    if (!generic.empty()) return encode_utf8(specific);
  }
  return encode_utf8(u);
}

std::string chinese_place(const normalize::Place& place, NameStyle style, Rng& rng) {
  const ChineseTown* town = nullptr;
  for (const auto& t : chinese_towns())
    if (place.id == fmt::format("CN-{}", t.pinyin)) town = &t;
  switch (style) {
    case NameStyle::kHangulSouth:
      if (town != nullptr) return std::string(rng.bernoulli(0.7) ? town->hangul_south : town->hangul_north);
      return place.hangul;
    case NameStyle::kPinyin:
      if (town != nullptr && rng.bernoulli(0.7)) return std::string(town->hanzi);
      return place.name;
    default:
      return place.name;
  }
}

}  // namespace

std::string place_text(const normalize::Place& place, NameStyle style, Rng& rng) {
  if (place.country == "CN") return chinese_place(place, style, rng);
  if (style == NameStyle::kHangulSouth) return korean_place(place, rng);
  if (place.level == "province") {
    for (const auto& p : kProvinceNames) {
      if (p.hangul != place.hangul) continue;
      switch (style) {
        case NameStyle::kRrCapitals: return std::string(p.rr);
        case NameStyle::kMrDiacritics: return std::string(p.mr);
        case NameStyle::kPinyin: {
          const std::string_view hanzi = dprk_place_hanzi(place.hangul);
          return hanzi.empty() ? std::string(p.dprk) : std::string(hanzi);
        }
        default: return std::string(p.dprk);
      }
    }
    return place.name;
  }
  auto [specific, generic] = split_generic(place.hangul);
  std::string text;
  switch (style) {
    case NameStyle::kPinyin: {
      const std::string_view hanzi = dprk_place_hanzi(place.hangul);
      if (!hanzi.empty()) return std::string(hanzi);
      text = romanized(specific, normalize::Romanization::kDprkAscii);
      break;
    }
    case NameStyle::kRrCapitals:
      text = romanized(specific, normalize::Romanization::kRevised);
      break;
    case NameStyle::kMrDiacritics:
      text = romanized(specific, normalize::Romanization::kMcCuneReischauer);
      break;
    case NameStyle::kSouthAdHoc:
      text = romanized(specific, rng.bernoulli(0.5) ? normalize::Romanization::kMcCuneReischauerAscii
                                                    : normalize::Romanization::kRevised);
      break;
    default:
      text = romanized(specific, normalize::Romanization::kDprkAscii);
      break;
  }
  if (!generic.empty() && (generic == "시" || generic == "군") && rng.bernoulli(0.25))
    text += latin_generic(generic, style);
  return text;
}

std::string date_text(const CivilDate& d, DatePrecision precision, bool korean, Rng& rng) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  switch (precision) {
    case DatePrecision::day:
      if (korean) return fmt::format("{}년 {}월 {}일", d.year, d.month, d.day);
      if (rng.bernoulli(0.2)) return fmt::format("{} {} {}", d.day, kMonths[static_cast<std::size_t>(d.month - 1)], d.year);
      return iso_date(d);
    case DatePrecision::month:
      if (korean) return fmt::format("{}년 {}월", d.year, d.month);
      if (rng.bernoulli(0.3)) return fmt::format("{} {}", kMonths[static_cast<std::size_t>(d.month - 1)], d.year);
      return fmt::format("{:04d}-{:02d}", d.year, d.month);
    case DatePrecision::season: {
      if (!korean && rng.bernoulli(0.3)) {
        const char* part = d.month <= 4 ? "early" : (d.month <= 8 ? "mid" : "late");
        return fmt::format("{} {}", part, d.year);
      }
      static constexpr std::array<std::string_view, 4> kEn = {"winter", "spring", "summer", "autumn"};
      static constexpr std::array<std::string_view, 4> kKo = {"겨울", "봄", "여름", "가을"};
      const int season = (d.month % 12) / 3;  // Dec-Feb 0, Mar-May 1, ...
      const int year = d.month <= 2 ? d.year - 1 : d.year;  // winter YYYY starts in December YYYY
      const auto s = static_cast<std::size_t>(season);
      if (korean) return fmt::format("{}년 {}", year, kKo[s]);
      return fmt::format("{} {}", kEn[s], year);
    }
    default:
      if (korean) return rng.bernoulli(0.2) ? fmt::format("{}년경", d.year) : fmt::format("{}년", d.year);
      return rng.bernoulli(0.15) ? fmt::format("about {}", d.year) : fmt::format("{}", d.year);
  }
}

}  // namespace uncounted::simulate::internal
