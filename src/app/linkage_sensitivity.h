// Sensitivity of the estimates to the linkage threshold: the same records
// re-linked at stricter and looser thresholds and re-estimated, so a reader
// sees whether the answer rests on a few uncertain matches (the report's
// "Sensitivity to linkage" section).
//
// For each threshold t, `linkage_sensitivity` runs link::link_records with
// spec.threshold = t (everything else of `spec` unchanged, its seed
// included), turns the clusters into capture histories (entity × list: an
// entity is seen by a list if any of its records belongs to it; several
// records of one list count once) and runs estimate_population on them with
// `estimate_options` (the same seed at every threshold, so that differences
// of the latent-class estimates come from the data, not the random stream).
// The whole linkage is re-run although the threshold only enters the
// clustering step (linker.h step 7): re-running it is the plain reading of
// "re-linking" and keeps this code independent of the linker's internals
// (the guarded clustering scores unscored pairs with the fitted model); the
// pairs and the model are the same at every threshold.
//
// Clerical decisions (link/clerical_decision.h), if any, are applied at
// every threshold as link_records applies them: a reviewer's must-link or
// cannot-link holds whatever the threshold, so the rows show how the
// estimate depends on the automatic decisions only. Pass the decisions the
// run used, so that the run's row is the run.
//
// Only the whole data is estimated, not strata (periods): one row per
// threshold. Each row holds the threshold, the entities, the people
// documented (entities seen by at least one list: every entity, since every
// record has a list), and every estimate with its interval and which one
// was recommended, as estimate_population made them (numbers and method
// names only: nothing from the records).
//
// Thresholds are match probabilities in (0, 1), at or above
// spec.review_floor (pairs below the floor are never kept, so a lower
// threshold would act as the floor). They are sorted ascending (loosest
// first) and duplicates dropped. `run_threshold` of the result is
// spec.threshold, whether or not it is among `thresholds`.
//
// Errors: an empty threshold list; a threshold outside (0, 1) or below
// spec.review_floor; more than 20 lists; the linkage's own errors
// (link_records, e.g. conflicting decisions) and the estimate options' (estimate_population). A
// threshold at which no estimate is possible is not an error: its row has
// no estimates.
//
// Cost: one full linkage and one estimate per threshold; pass options with
// fewer LCMCR samples, or loglinear only, where time matters.
// Thread safety: pure function of its arguments (no I/O); the linkage and
// LCMCR use threads internally. `progress` is called from the calling
// thread after each threshold with (thresholds done, thresholds in all).
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "app/population_estimate.h"
#include "base/result.h"
#include "link/clerical_decision.h"
#include "link/link_resources.h"
#include "link/link_spec.h"
#include "link/record_table.h"
#include "report/report_data.h"

namespace uncounted {

using SensitivityProgress = std::function<void(std::size_t done, std::size_t total)>;

// The default thresholds around `run_threshold`: the run's own and the
// thresholds 2 and 4 bits of match weight (log2 of the odds) on either
// side, i.e. odds 1/16, 1/4, 1, 4 and 16 times the run's (0.5 gives
// 0.0588, 0.2, 0.5, 0.8, 0.941). The weight scale is the one of the
// report's match-weight chart and never collapses two thresholds near 0 or
// 1. Thresholds below `review_floor` are dropped (the run's is kept).
// Precondition: 0 < run_threshold < 1.
std::vector<double> default_sensitivity_thresholds(double run_threshold, double review_floor = 0.01);

Result<report::LinkageSensitivity> linkage_sensitivity(const link::RecordTable& table, const link::LinkSpec& spec,
                                                       const link::LinkResources& resources,
                                                       const std::vector<double>& thresholds,
                                                       const EstimateOptions& estimate_options,
                                                       const std::vector<link::ClericalDecision>& decisions = {},
                                                       const SensitivityProgress& progress = {});

}  // namespace uncounted
