// `uncounted histories STORE` (and what `estimate STORE` and `report STORE`
// estimate from): the capture histories of the store's latest link run,
// built in memory — one row per entity, a 0/1 column per list, as
// make_histories_csv writes them from files (app/link_histories.h).
//
// Stratum: with period_years > 0, the period of the entity's earliest
// dated record, where a record's date is its first DATED event's date (the
// `event_date` link reads from a record file, app/store_link_input.h).
//
// Records imported or changed after the latest run are not in it: they are
// left out with a notice saying to run `link` again, as are the run's
// records that have since been superseded.
//
// Errors: the store's own; no link run yet (says to run `link STORE`).
// Thread safety: reads the Database it is given.
#pragma once

#include <string>
#include <vector>

#include "app/store_access.h"
#include "app/store_link_input.h"
#include "base/result.h"
#include "io/clusters_csv.h"
#include "store/database.h"

namespace uncounted {

// The latest link run as CLUSTERS.csv rows (cluster_id = entity + 1) for
// the records of `input` it holds, with notices for those it does not.
struct StoreClusters {
  std::int64_t run_id = 0;
  double threshold = 0.5;  // the run's match threshold
  std::vector<ClusterRow> rows;
  std::vector<std::int64_t> row_of;  // per cluster row: the record's row in the store
  std::vector<std::string> notices;
};
Result<StoreClusters> latest_run_clusters(store::Database& db, const StoreLinkInput& input);

struct StoreHistories {
  std::string csv;                   // the capture histories
  std::int64_t run_id = 0;           // the link run they come from
  std::vector<std::string> notices;  // records left out, and why
};

Result<StoreHistories> store_histories(store::Database& db, const StoreLinkInput& input, int period_years);

// The same from a run already read (latest_run_clusters).
Result<StoreHistories> store_histories(const StoreClusters& clusters, const StoreLinkInput& input, int period_years);

// Opens the store (read only), reads its records and calls store_histories.
Result<StoreHistories> store_histories(const StoreAccess& access, int period_years);

}  // namespace uncounted
