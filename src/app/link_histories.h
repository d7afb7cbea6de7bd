// `uncounted histories` as a use case: CLUSTERS.csv in, capture histories
// out — one row per entity with a 0/1 column per list (readable by
// `uncounted estimate`), an `entity_id` column (which estimate ignores),
// and optionally a `stratum` column.
//
// Stratum: the value of a record column (`stratum_column`, read from the
// record files and joined on source + record id). With period_years > 0 the
// column is a (partial) date and the stratum is its period: "2006" for one
// year, "2005-2009" for five (periods start at multiples of the length).
// When an entity's records disagree: for a period, the entity takes the
// period of its EARLIEST dated record (by the date's earliest bound — the
// first repatriation we know of); for a plain column, its most frequent
// non-empty value (ties: the one that sorts first). An entity with no value
// gets "unknown".
//
// Errors: unreadable or malformed files, a list named like an output column
// (entity_id, stratum, count), a cluster row with no matching record, a
// stratum column absent from a record file.
// Thread safety: pure function of the files.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/result.h"
#include "io/clusters_csv.h"

namespace uncounted {

struct HistoriesOptions {
  std::string clusters_path;
  std::string stratum_column;              // "" for none
  int period_years = 0;                    // > 0: stratum_column is a date, binned
  std::vector<std::string> record_files;   // needed with a stratum
  std::optional<std::string> config_path;  // its record_id / source columns, if not canonical
};

// The capture histories as CSV text.
Result<std::string> make_histories_csv(const HistoriesOptions& options);

// The label of the period of `years` years holding `year`: "2006" for one
// year, "2005-2009" for five (periods start at multiples of the length).
// Every command that names periods uses it. Precondition: years >= 1.
std::string period_label(int year, int years);

// The same from clusters and stratum values already in memory (the store's
// latest link run): `stratum_of` (nullptr for no stratum) maps
// source + '\x1f' + record_id to the value, a date when period_years > 0.
// `origin` names the clusters in errors.
Result<std::string> histories_csv_from(const std::vector<ClusterRow>& rows,
                                       const std::unordered_map<std::string, std::string>* stratum_of,
                                       int period_years, const std::string& origin);

}  // namespace uncounted
