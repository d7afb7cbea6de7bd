// `uncounted report` as a use case: the outputs of earlier commands in a
// folder in, one self-contained HTML report out (report/html_report.h).
//
// The folder may hold (each optional; at least one is needed):
//   estimate.json   `uncounted estimate --format json` (or `demo --out`)
//   histories.csv   the capture histories the estimate ran on (overlap)
//   clusters.csv    `uncounted link --out-clusters` (linkage summary)
//   pairs.csv       `uncounted link --out-pairs` (match weights)
//   sensitivity.json the estimates re-made at other linkage thresholds
//                   (linkage_sensitivity.h, sensitivity_json.h)
//   other *.csv     record files with an event_type column (timeline,
//                   sentences); other CSV files are ignored
// Every file used is listed in the report with its SHA-256. Sections whose
// input is absent are left out with a note.
//
// The report is written to a temporary file beside `out` and renamed into
// place, so a reader never sees half a report; an existing `out` is
// replaced.
//
// Errors (naming the file, never quoting record contents): no usable file
// in the folder, an unreadable or malformed input, an `out` that is one of
// the inputs used (app/output_paths.h; nothing is written), an unwritable
// output.
// Thread safety: reads and writes files; nothing shared.
#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "report/audience.h"
#include "report/report_data.h"

namespace uncounted {

struct ReportRequest {
  std::string from_dir;
  std::string out;
  report::Audience audience = report::Audience::kPublic;
  bool synthetic = false;  // label the report as made from simulated data
};

struct ReportMade {
  std::vector<std::string> inputs;     // file names used, in the folder
  std::vector<std::string> left_out;   // sections left out for lack of input
};

// Reads the folder (see above) into ReportData.
Result<report::ReportData> load_report_data(const std::string& dir, bool synthetic);

// The temporary file write_report writes before renaming it to `out`:
// ".NAME.tmp" beside it. Callers check it with their outputs
// (app/output_paths.h): it is removed and created anew.
std::string report_temp_path(const std::string& out);

// Renders `data` for `audience` and writes it to `out` (temp file + rename).
Status write_report(const report::ReportData& data, const std::string& out, report::Audience audience);

// load_report_data + write_report.
Result<ReportMade> make_report(const ReportRequest& request);

}  // namespace uncounted
