#include "app/store_histories.h"

#include <unordered_map>

#include <fmt/format.h>

#include "app/link_histories.h"
#include "io/clusters_csv.h"
#include "store/link_repository.h"

namespace uncounted {

Result<StoreClusters> latest_run_clusters(store::Database& db, const StoreLinkInput& input) {
  auto run = store::latest_link_run(db);
  if (!run) return tl::unexpected(run.error());
  if (!*run) return fail("the store has no link run yet: run `uncounted link STORE` first");
  auto members = store::run_memberships(db, (*run)->id);
  if (!members) return tl::unexpected(members.error());

  StoreClusters out;
  out.run_id = (*run)->id;
  out.threshold = (*run)->threshold;
  std::unordered_map<std::int64_t, std::size_t> index_of_row;
  for (std::size_t i = 0; i < input.rows.size(); ++i) index_of_row.emplace(input.rows[i], i);
  const auto& t = input.table;
  std::vector<char> in_run(t.size(), 0);
  std::size_t superseded = 0;
  for (const auto& m : *members) {
    auto it = index_of_row.find(m.record_row);
    if (it == index_of_row.end()) {
      ++superseded;
      continue;
    }
    const std::size_t i = it->second;
    in_run[i] = 1;
    ClusterRow row;
    row.record_id = t.record_ids[i];
    row.source = t.sources[t.source_of[i]];
    row.list = t.lists[t.list_of[i]];
    row.cluster_id = static_cast<std::uint64_t>(m.entity) + 1;
    out.rows.push_back(std::move(row));
    out.row_of.push_back(m.record_row);
  }
  std::size_t not_linked = 0;
  for (char c : in_run) not_linked += c ? 0 : 1;
  if (superseded > 0)
    out.notices.push_back(fmt::format("{} record(s) of link run {} have since been changed and are left out; run "
                                      "`uncounted link` again",
                                      superseded, out.run_id));
  if (not_linked > 0)
    out.notices.push_back(fmt::format("{} record(s) were imported or changed after link run {} and are left out; "
                                      "run `uncounted link` again",
                                      not_linked, out.run_id));
  return out;
}

Result<StoreHistories> store_histories(store::Database& db, const StoreLinkInput& input, int period_years) {
  auto clusters = latest_run_clusters(db, input);
  if (!clusters) return tl::unexpected(clusters.error());
  return store_histories(*clusters, input, period_years);
}

Result<StoreHistories> store_histories(const StoreClusters& clusters, const StoreLinkInput& input, int period_years) {
  StoreHistories out;
  out.run_id = clusters.run_id;
  out.notices = clusters.notices;
  std::unordered_map<std::string, std::string> stratum_of;
  if (period_years > 0)
    for (const auto& row : clusters.rows) {
      const auto& date = input.first_event_date[input.index.at(record_key(row.source, row.record_id))];
      stratum_of.emplace(record_key(row.source, row.record_id), date ? date->verbatim : std::string());
    }
  auto csv = histories_csv_from(clusters.rows, period_years > 0 ? &stratum_of : nullptr, period_years,
                                "link run " + std::to_string(out.run_id));
  if (!csv) return tl::unexpected(csv.error());
  out.csv = std::move(*csv);
  return out;
}

Result<StoreHistories> store_histories(const StoreAccess& access, int period_years) {
  auto opened = open_store(access, store::Access::read);
  if (!opened) return tl::unexpected(opened.error());
  auto input = read_store_link_input(opened->db());
  if (!input) return tl::unexpected(input.error());
  auto out = store_histories(opened->db(), *input, period_years);
  if (out) out->notices.insert(out->notices.begin(), opened->notices().begin(), opened->notices().end());
  return out;
}

}  // namespace uncounted
