#include "io/pairs_csv.h"

#include <cstdio>
#include <memory>

#include <fmt/format.h>

#include "io/clusters_csv.h"

namespace uncounted {

Status write_pairs_csv(const std::string& path, const link::RecordTable& table, const link::LinkResult& result,
                       bool explain) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "wb"), &std::fclose);
  if (!f) return fail(SourceLocation{path, 0, 0}, "cannot be written");
  const bool qualified = table.sources.size() > 1;
  auto id = [&](std::uint32_t r) {
    return link_csv_field(qualified ? table.sources[table.source_of[r]] + ":" + table.record_ids[r] : table.record_ids[r]);
  };
  const auto& fields = result.model.fields;
  const bool with_explain = explain && result.field_weights.size() == result.pairs.size() * fields.size();
  std::string buffer = "left_id,right_id,match_weight,match_probability";
  if (with_explain) {
    buffer += ",prior_weight";
    for (const auto& fm : fields) buffer += "," + link_csv_field(fm.name + "_level") + "," + link_csv_field(fm.name + "_weight");
  }
  buffer += '\n';
  const double prior_w = result.model.prior_weight();
  for (std::size_t i = 0; i < result.pairs.size(); ++i) {
    const auto& p = result.pairs[i];
    buffer += id(p.left);
    buffer += ',';
    buffer += id(p.right);
    buffer += fmt::format(",{:.4f},{:.6f}", p.weight, p.probability);
    if (with_explain) {
      buffer += fmt::format(",{:.4f}", prior_w);
      for (std::size_t fi = 0; fi < fields.size(); ++fi) {
        const int level = result.field_levels[i * fields.size() + fi];
        buffer += ',';
        buffer += level < 0 ? std::string("missing") : link_csv_field(fields[fi].level_names[static_cast<std::size_t>(level)]);
        buffer += fmt::format(",{:.4f}", result.field_weights[i * fields.size() + fi]);
      }
    }
    buffer += '\n';
    if (buffer.size() > (1 << 20)) {
      if (std::fwrite(buffer.data(), 1, buffer.size(), f.get()) != buffer.size())
        return fail(SourceLocation{path, 0, 0}, "write failed");
      buffer.clear();
    }
  }
  if (std::fwrite(buffer.data(), 1, buffer.size(), f.get()) != buffer.size())
    return fail(SourceLocation{path, 0, 0}, "write failed");
  if (std::fclose(f.release()) != 0) return fail(SourceLocation{path, 0, 0}, "write failed");
  return {};
}

}  // namespace uncounted
