// Use case: list and search what a store holds (uncounted records).
// Output goes to the caller's stream: a table for people, or CSV/JSON in the
// export shape (unredacted: this is the store holder's own view).
#pragma once

#include <ostream>
#include <string>

#include "app/store_access.h"
#include "store/record_repository.h"

namespace uncounted {

enum class RecordsFormat { table, csv, json };

struct RecordsRequest {
  StoreAccess access;
  store::RecordFilter filter;
  RecordsFormat format = RecordsFormat::table;
  bool count_only = false;  // print "source list records" per source instead
  bool sources = false;     // list the sources with their metadata instead (table, csv or json)
};

// Writes the matching records (or the sources) to `out`; returns how many
// matched (or how many sources there are).
Result<std::size_t> list_records(const RecordsRequest& request, std::ostream& out);

}  // namespace uncounted
