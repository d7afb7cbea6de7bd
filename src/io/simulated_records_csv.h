// Writing records that carry a truth label (simulated data) as CSV, for
// `uncounted link` and `uncounted evaluate --truth COLUMN`.
//
// Records: a header of the canonical columns of DESIGN.md section 5
//   record_id,source,list,full_name,family_name,given_name,name_hangul,
//   name_hanzi,sex,birth_year,birth_date,age,origin_place,event_type,
//   event_date,event_place,facility_type,perpetrator,sentence_months,notes
// followed by the label column (e.g. person_id); one row per event (a
// record without events has one row), as import reads them. Dates are
// written as the source gave them (PartialDate::verbatim), else in
// canonical form. Fields are RFC 4180 quoted where needed; rows end in LF.
//
// write_records_csv writes the same without a label column: the files a
// source would hand over, for `uncounted import`.
//
// Tables: write_csv_table writes any header and rows (the truth table).
//
// Errors: label count different from the record count, a row of the wrong
// width, or a failed stream is an Error.
// Thread safety: pure functions over their arguments and the stream.
#pragma once

#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/case_record.h"
#include "base/result.h"

namespace uncounted {

Status write_labelled_records_csv(std::ostream& out, std::span<const CaseRecord> records,
                                  std::span<const std::string> labels,
                                  std::string_view label_column = "person_id");

Status write_records_csv(std::ostream& out, std::span<const CaseRecord> records);

Status write_csv_table(std::ostream& out, const std::vector<std::string>& header,
                       const std::vector<std::vector<std::string>>& rows);

}  // namespace uncounted
