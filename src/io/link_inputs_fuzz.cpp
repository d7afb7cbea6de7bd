// libFuzzer target: the inputs of `uncounted link`. The bytes before the
// first NUL are a link config (JSON), the rest a record CSV file. The config
// and record readers must accept or refuse anything without crashing; when
// both accept, linking the (small) table must give every record a cluster
// and keep only pairs at or above the review floor, in (left, right) order.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "io/link_config.h"
#include "io/link_records_csv.h"
#include "link/linker.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto nul = input.find('\0');
  const std::string_view config_text = input.substr(0, nul);
  const std::string records_text(nul == std::string_view::npos ? std::string_view() : input.substr(nul + 1));

  auto config = uncounted::parse_link_config(config_text, "fuzz.json");
  uncounted::LinkRecordColumns columns;
  if (config) {
    columns.record_id = config->record_id_column;
    columns.source = config->source_column;
    columns.list = config->list_column;
    for (const auto& [c, where] : config->columns) columns.columns.push_back(c);
  } else {
    columns.record_id = "id";
    columns.columns = {"name", "dob"};
  }
  uncounted::link::RecordTable table;
  auto read = uncounted::append_link_records_text(records_text, "fuzz.csv", columns, table);
  if (read && table.record_ids.size() != table.size()) std::abort();
  if (!config || !read || table.size() > 64) return 0;

  auto spec = config->spec;
  spec.threads = 1;
  spec.u_sample_pairs = std::min<std::uint64_t>(spec.u_sample_pairs, 2000);
  spec.em_iterations = std::min(spec.em_iterations, 20);
  auto result = uncounted::link::link_records(table, spec, uncounted::link::LinkResources{});
  if (!result) return 0;  // e.g. a korean_name field without its tables
  if (result->cluster_of.size() != table.size()) std::abort();
  for (std::size_t i = 0; i < result->pairs.size(); ++i) {
    const auto& p = result->pairs[i];
    if (p.left >= p.right || p.right >= table.size() || !(p.probability >= spec.review_floor)) std::abort();
    if (i > 0 && !(result->pairs[i - 1].left < p.left ||
                   (result->pairs[i - 1].left == p.left && result->pairs[i - 1].right < p.right)))
      std::abort();
  }
  return 0;
}
