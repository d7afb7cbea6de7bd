// What a report shows: a plain value that the app fills from whatever ran
// (an estimate, a linkage, record files) and render_report_html turns into
// HTML. Every section is optional; an absent section is left out of the
// report with a note saying what input would add it.
//
// ReportData carries counts, labels and numbers only: no names, birth dates,
// record ids or free text from records. Counts are true counts; the renderer
// suppresses small cells for a public report (suppression.h), so fillers
// must not pre-suppress or round them.
//
// Thread safety: plain values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace uncounted::report {

// One estimate of a total (observed + unobserved).
struct EstimateRow {
  std::string method;     // "loglinear", "lcmcr", "chao"
  std::string model;      // e.g. "[AB][C][D]"
  std::string criterion;  // "bic", ... or "" when not a selection
  double n_hat = 0;
  double lower = 0;
  std::optional<double> upper;  // absent: no finite upper limit
  double level = 0.95;
  std::string interval;   // how the interval was made
  bool recommended = false;
  std::string reason;     // why recommended
};

// One log-linear model in the comparison behind a selection.
struct ModelRow {
  std::string model;
  double n_hat = 0;
  double aic = 0;
  double bic = 0;
  double deviance = 0;
  int df = 0;
};

// The estimates of one table: the whole data or one stratum (period).
struct StratumEstimates {
  std::string label;            // "" for the whole data
  std::int64_t documented = 0;  // people seen by at least one list
  std::vector<EstimateRow> estimates;
  std::vector<ModelRow> models_compared;
  std::size_t models_considered = 0;
  std::size_t models_without_mle = 0;
  std::size_t models_unreliable = 0;
  std::vector<std::string> warnings;
};

struct EstimatesSection {
  StratumEstimates total;
  std::vector<StratumEstimates> strata;  // in the order to show them
  // True when uncounted made the strata itself as periods of event dates (a
  // store's report): their labels say nothing about a person and are shown
  // even for small strata. False for strata read from files (`--from`),
  // which may be any record column.
  bool strata_are_periods = false;
};

// How the lists overlap: people per capture pattern.
struct OverlapSection {
  std::vector<std::string> lists;            // at most 16
  std::vector<std::int64_t> pattern_counts;  // size 2^lists; bit i = seen by list i; [0] is unused
};

// Events over time: per event type, counts per time bin.
struct TimelineSeries {
  std::string event_type;             // e.g. "repatriation"
  std::vector<std::int64_t> counts;   // one per bin
};
struct TimelineSection {
  std::vector<std::string> bins;      // e.g. "2004" or "2004-03", in time order
  std::string unit;                   // "year" or "month"
  std::string counted;                // what one count is, e.g. "people (linked entities)"
  std::vector<TimelineSeries> series;
  std::int64_t undated = 0;           // events without a usable date (not in the bins)
};

// Sentence lengths by period: counts per length category.
struct SentenceRow {
  std::string period;
  std::vector<std::int64_t> counts;   // one per category
  std::optional<double> median_months;
};
struct SentenceSection {
  std::vector<std::string> categories;  // e.g. "under 6 months"
  std::vector<SentenceRow> rows;
  std::string counted;
};

// What linkage did.
struct LinkageSection {
  std::int64_t records = 0;
  std::int64_t entities = 0;
  // Histogram of match weights of the scored pairs: bin i covers
  // [weight_start + i*weight_width, weight_start + (i+1)*weight_width).
  double weight_start = 0;
  double weight_width = 1;
  std::vector<std::int64_t> pairs_linked;    // per bin: pairs within one entity
  std::vector<std::int64_t> pairs_unlinked;  // per bin: pairs left apart
  bool has_pairs = false;
  // Entities by size: (records in the entity, number of entities), by size.
  std::vector<std::pair<int, std::int64_t>> cluster_sizes;
};

// How the estimates move when the linkage threshold is made stricter or
// looser: the records re-linked and re-estimated at each threshold
// (app/linkage_sensitivity.h). The whole data only, no strata.
struct SensitivityRow {
  double threshold = 0;             // match probability at which two records link
  std::int64_t entities = 0;        // linked entities (people)
  std::int64_t documented = 0;      // people seen by at least one list
  std::vector<EstimateRow> estimates;  // as estimate made them; at most one recommended
};

struct LinkageSensitivity {
  double run_threshold = 0.5;         // the threshold of the run the report shows
  std::vector<SensitivityRow> rows;   // by threshold, ascending (loosest first)
  std::optional<std::uint64_t> seed;  // the estimates' seed, the same for every row
};

// An input of the report and its SHA-256, so a reader can tell which data
// it rests on. `label` is a file name (no folder: folders can name people).
struct InputDigest {
  std::string label;
  std::string sha256;
  // True when the label is uncounted's own (an output file name it writes,
  // "store (link run N)"): shown in a public report. Other file names may
  // name a person and are withheld there.
  bool label_is_public = false;
};

struct Provenance {
  std::string version;                                          // uncounted's
  std::vector<std::pair<std::string, std::string>> dependencies;  // library, version
  std::optional<std::uint64_t> seed;
  std::vector<InputDigest> inputs;
};

struct ReportData {
  std::string title = "Forced repatriations of North Koreans from China";
  bool synthetic = false;  // the data is simulated: say so at the top
  std::optional<EstimatesSection> estimates;
  std::optional<OverlapSection> overlap;
  std::optional<TimelineSection> timeline;
  std::optional<SentenceSection> sentences;
  std::optional<LinkageSection> linkage;
  std::optional<LinkageSensitivity> sensitivity;
  Provenance provenance;
  std::vector<std::string> notes;  // shown in the methods section
};

}  // namespace uncounted::report
