// The report's event sections from record files (canonical columns,
// DESIGN.md section 5, one row per event): events on a timeline and
// sentences by period. Only event_type, event_date, sentence_months and
// the ids (record_id, source) are read; no other column is looked at.
//
// Counting unit: with the linkage's clusters, one person (entity) counts
// once per event type and time bin however many sources report it; records
// not found in the clusters, or all records without clusters, count once
// each (the section says which). Event types outside the vocabulary
// (base/vocabulary.h) are not shown.
//
// Timeline bins: years, or months when the dated events span at most three
// calendar years. An event whose date is not known to within one bin is
// counted as undated.
//
// Sentences: events with sentence_months (a "sentence" event, or the
// detention it led to; one person's same length in one period counts once), binned into
// four lengths, per period: the given periods ("2005-2011" or "2006"
// labels, e.g. the estimate's strata) or, without any, five-year periods.
//
// Errors (file:line: reason, never quoting a value): an unreadable file,
// malformed CSV, a row of the wrong width.
// Thread safety: pure function of the files.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/case_record.h"
#include "base/result.h"
#include "io/clusters_csv.h"
#include "report/report_data.h"

namespace uncounted {

struct EventInputs {
  std::vector<std::string> record_files;
  const std::vector<CaseRecord>* records = nullptr;   // optional: records in memory (a store), read after the files
  const std::vector<ClusterRow>* clusters = nullptr;  // optional
  std::vector<std::string> periods;                   // optional period labels
};

struct EventSections {
  std::optional<report::TimelineSection> timeline;    // absent: no dated events
  std::optional<report::SentenceSection> sentences;   // absent: no sentence lengths
};

Result<EventSections> report_events(const EventInputs& inputs);

}  // namespace uncounted
