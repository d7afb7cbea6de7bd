// Record linkage and de-duplication, Fellegi–Sunter style (DESIGN.md §6):
//
//   1. prepare each field (normalise, intern values, parse dates and names);
//   2. block: a union of rules; each candidate pair is enumerated once;
//   3. u from random pairs (the exact level from value frequencies);
//   4. m by EM on counts of comparison patterns, once per blocking rule with
//      the rule's own fields left out (they agree by construction), then
//      averaged; fields no rule lets EM see get a final EM pass;
//   5. the prior from deterministic rules (pairs meeting them / recall), or
//      by EM when no rule is given or none matches;
//   6. score every candidate pair with term-frequency adjustment; missing
//      values weigh 0;
//   7. cluster (clustering.h) and estimate precision and recall from the
//      posterior probabilities alone (no truth needed).
//
// Contract: on success every record gets a cluster; `pairs` holds the
// candidate pairs whose probability reaches spec.review_floor, sorted by
// (left, right). Errors: a field or rule naming a column the table lacks, a
// comparator whose reference table is missing, too many levels to encode.
// Clerical decisions (clerical_decision.h) act on the entities as
// cluster_records describes: must-links merge first whatever their score,
// the threshold, cohesion and one_per_list; no entity holds a cannot-link
// pair; in the guarded cohesion a decided pair counts as 1 or 0. `pairs`,
// the model and the field weights keep the model's scores. Errors, checked
// before any work: an index >= table.size() or left == right (naming the
// decision's position), and decisions that conflict (a chain of must-links
// joins a cannot-link pair, or one pair is decided both ways), naming the
// two record indices of the cannot-link pair; the caller maps indices to
// record ids. A pair decided twice the same way counts once.
// Work runs on spec.threads threads (std::thread); results do not depend
// on the number of threads.
// Thread safety: pure function; `progress` is called from the calling thread.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "link/clerical_decision.h"
#include "link/link_model.h"
#include "link/link_resources.h"
#include "link/link_spec.h"
#include "link/record_table.h"
#include "link/scored_pair.h"

namespace uncounted::link {

struct RulePairCount {
  std::string rule;
  // Distinct pairs the rule makes on its own (within the link type; a pair
  // whose records share several of the rule's keys counts once).
  std::uint64_t pairs = 0;
  std::uint64_t new_pairs = 0;  // of those, pairs no earlier rule makes
  // false: the figure is an upper bound (count_candidate_pairs, when
  // counting exactly would take too long; link_records counts exactly).
  bool pairs_exact = true;
  bool new_pairs_exact = true;
};

struct LinkSummary {
  std::uint64_t possible_pairs = 0;  // every pair the link type allows
  std::uint64_t compared_pairs = 0;  // candidate pairs after blocking
  std::uint64_t kept_pairs = 0;      // probability >= review floor
  std::uint64_t linked_pairs = 0;    // pairs within entities (every pair, scored or not)
  std::size_t entities = 0;
  double expected_matches = 0;       // sum of probabilities over candidate pairs
  double estimated_precision = 0;    // mean probability of scored pairs inside entities
  double estimated_recall = 0;       // their probability mass / expected_matches
  std::uint64_t must_links = 0;      // clerical must-link pairs applied (distinct pairs)
  std::uint64_t cannot_links = 0;    // clerical cannot-link pairs applied (distinct pairs)
};

struct LinkResult {
  std::vector<std::uint32_t> cluster_of;  // per record: entity 0..entities-1
  std::vector<ScoredPair> pairs;
  // With spec.explain: per kept pair, the weight of each field (fields in
  // spec order; 0 for a missing value), row-major pairs.size() x fields.
  std::vector<float> field_weights;
  std::vector<int> field_levels;          // with spec.explain: the level of each field, -1 missing
  LinkModel model;
  std::vector<RulePairCount> blocking;
  LinkSummary summary;
};

// stage: "preparing", "blocking", "sampling", "comparing", "estimating",
// "scoring", "clustering"; done in [0, 1].
using LinkProgress = std::function<void(std::string_view stage, double done)>;

// Pairs per blocking rule, counted without comparing any pair: exactly
// where that takes at most `work_limit` steps (a pair enumerated is one
// step, a set of keys tallied four: internal/blocking_index.h). Beyond it
// the work goes to the rules' own pairs first, then to their new pairs in
// rule order; figures left out are upper bounds, flagged (docs/LINKAGE.md).
inline constexpr double kCountPairsWork = 6e9;
Result<std::vector<RulePairCount>> count_candidate_pairs(const RecordTable& table, const LinkSpec& spec,
                                                         const LinkResources& resources,
                                                         double work_limit = kCountPairsWork);

// Without clerical decisions.
Result<LinkResult> link_records(const RecordTable& table, const LinkSpec& spec, const LinkResources& resources,
                                const LinkProgress& progress = {});

// With clerical decisions (see the contract above).
Result<LinkResult> link_records(const RecordTable& table, const LinkSpec& spec, const LinkResources& resources,
                                const std::vector<ClericalDecision>& decisions, const LinkProgress& progress = {});

}  // namespace uncounted::link
