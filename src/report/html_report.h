// The report as one self-contained HTML file: inline CSS and inline SVG
// charts, no scripts, no external resources (a Content-Security-Policy
// forbids them), so it opens offline and can be published as it is.
//
// Sections, each left out with a note when its data is absent: headline
// numbers; (1) documented vs estimated totals per period with intervals;
// (2) overlap of the lists (UpSet); (3) events on a timeline; (4) sentences
// by period; (5) linkage summary (match weights, entity sizes); (6)
// sensitivity to linkage (the total re-estimated at stricter and looser
// thresholds: a chart, a table and a sentence computed from the numbers
// saying how far the recommended estimate moves); (7) methods (estimates of
// every method, models compared, warnings, seed, versions, input digests,
// notes, the suppression rule).
//
// Contract: every text taken from `data` is HTML-escaped (templates use
// kainjow mustache's escaping; charts escape in svg.h). Every count of
// people passes through suppression.h for `audience` (estimates are not
// counts; they are hidden only where the people documented are < 5). A public report shows
// no record-level data: ReportData holds none, and the report also leaves
// out the total number of linked records (with the entity count and the
// entity sizes it would let a suppressed cell be worked out). The output
// depends only on the arguments (no clock, no locale): the same data gives
// the same bytes.
//
// Thread safety: pure function.
#pragma once

#include <string>

#include "report/audience.h"
#include "report/report_data.h"

namespace uncounted::report {

std::string render_report_html(const ReportData& data, Audience audience);

}  // namespace uncounted::report
