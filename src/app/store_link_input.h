// The current records of a case store as the linker's table, in memory (no
// plaintext is written anywhere): one row per record with the canonical
// columns of DESIGN.md section 5. A record's event_type and event_place come
// from its FIRST event and event_date from its first DATED event, as `link`
// reads a record file with one row per event (the first row, its empty
// cells filled from the next rows); dates are given as their verbatim text,
// so the linkage parses them as it parses files.
//
// Thread safety: reads the Database it is given.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/case_record.h"
#include "base/result.h"
#include "link/record_table.h"
#include "store/database.h"

namespace uncounted {

struct StoreLinkInput {
  link::RecordTable table;        // canonical columns, records ordered by source and record_id
  std::vector<std::int64_t> rows;  // per table record: its row in the store (records.id)
  // Per table record, its first dated event's date (for the periods of `histories`), if any.
  std::vector<std::optional<PartialDate>> first_event_date;
  // Table index by "source\x1frecord_id".
  std::map<std::string, std::uint32_t> index;
};

// The canonical column names held in StoreLinkInput::table, in order.
const std::vector<std::string>& store_link_columns();

// Errors: a database failure; a store without records. With `records`, the
// records read are also kept there (in table order), for callers that need
// their events too (the report), so the store is read once.
Result<StoreLinkInput> read_store_link_input(store::Database& db, std::vector<CaseRecord>* records = nullptr);

// The key of StoreLinkInput::index.
std::string record_key(const std::string& source, const std::string& record_id);

}  // namespace uncounted
