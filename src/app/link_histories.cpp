#include "app/link_histories.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "base/partial_date.h"
#include "app/internal/record_column.h"
#include "io/capture_histories_csv.h"
#include "io/clusters_csv.h"

namespace uncounted {

Result<std::string> make_histories_csv(const HistoriesOptions& options) {
  if (options.stratum_column.empty() && options.period_years > 0)
    return fail("--period groups the dates of a --stratum column (e.g. --stratum event_date); none was given");
  if (options.stratum_column.empty() && !options.record_files.empty())
    return fail("--records is read for the --stratum column; none was given");
  auto rows = read_clusters_csv(options.clusters_path);
  if (!rows) return tl::unexpected(rows.error());
  // Stratum values per (source, record id).
  std::unordered_map<std::string, std::string> stratum_of;
  const bool stratified = !options.stratum_column.empty();
  if (stratified) {
    if (options.record_files.empty())
      return fail("--stratum needs the record files (--records) that hold the column '" + options.stratum_column + "'");
    auto read = internal::read_record_column(options.config_path, options.record_files, options.stratum_column);
    if (!read) return tl::unexpected(read.error());
    const link::RecordTable& table = *read;
    for (std::size_t r = 0; r < table.size(); ++r)
      stratum_of.emplace(table.sources[table.source_of[r]] + '\x1f' + table.record_ids[r], table.columns[0][r]);
    // Every entity would be "unknown": the column is not a date column.
    if (options.period_years > 0 && table.size() > 0 &&
        std::none_of(table.columns[0].begin(), table.columns[0].end(), [](const std::string& v) {
          auto d = parse_partial_date(v);
          return d && d->precision != DatePrecision::unknown;
        }))
      return fail("--period: no value of the column '" + options.stratum_column +
                  "' is a date (--period needs a date column such as event_date)");
  }
  return histories_csv_from(*rows, stratified ? &stratum_of : nullptr, options.period_years, options.clusters_path);
}

Result<std::string> histories_csv_from(const std::vector<ClusterRow>& rows,
                                       const std::unordered_map<std::string, std::string>* stratum_of,
                                       int period_years, const std::string& origin) {
  std::vector<std::string> lists;
  std::unordered_map<std::string, std::size_t> list_index;
  for (const auto& r : rows)
    if (list_index.emplace(r.list, lists.size()).second) lists.push_back(r.list);
  for (const auto& l : lists)
    if (l == "stratum" || is_reserved_histories_column(l))
      return fail(SourceLocation{origin, 0, 0},
                  "a list is named '" + l + "', which `estimate` would not read as a list (entity_id, cluster_id, "
                  "id, count and stratum are reserved); rename the list");
  const bool stratified = stratum_of != nullptr;

  struct Entity {
    std::vector<char> seen;
    std::map<std::string, int> values;
    bool has_date = false;
    CivilDate earliest;
    std::string period;
  };
  std::map<std::uint64_t, Entity> entities;
  for (const auto& r : rows) {
    auto& e = entities[r.cluster_id];
    if (e.seen.empty()) e.seen.assign(lists.size(), 0);
    e.seen[list_index[r.list]] = 1;
    if (!stratified) continue;
    auto it = stratum_of->find(r.source + '\x1f' + r.record_id);
    if (it == stratum_of->end())
      return fail(SourceLocation{origin, r.line, 1}, "no record with this source and record_id in the record files");
    const std::string& value = it->second;
    if (value.empty()) continue;
    if (period_years > 0) {
      auto date = parse_partial_date(value);
      if (!date || date->precision == DatePrecision::unknown) continue;
      if (!e.has_date || date->earliest < e.earliest) {
        e.has_date = true;
        e.earliest = date->earliest;
        e.period = period_label(date->earliest.year, period_years);
      }
    } else {
      e.values[value] += 1;
    }
  }
  std::string out = "entity_id";
  for (const auto& l : lists) out += "," + link_csv_field(l);
  if (stratified) out += ",stratum";
  out += '\n';
  for (const auto& [id, e] : entities) {
    out += std::to_string(id);
    for (char s : e.seen) out += s ? ",1" : ",0";
    if (stratified) {
      std::string stratum = "unknown";
      if (period_years > 0) {
        if (e.has_date) stratum = e.period;
      } else {
        int best = 0;
        for (const auto& [v, c] : e.values)
          if (c > best) {
            best = c;
            stratum = v;
          }
      }
      out += "," + link_csv_field(stratum);
    }
    out += '\n';
  }
  return out;
}

std::string period_label(int year, int years) {
  if (years == 1) return std::to_string(year);
  const int start = year - ((year % years) + years) % years;
  return std::to_string(start) + "-" + std::to_string(start + years - 1);
}

}  // namespace uncounted
