// libFuzzer target: CSV record import with validation (dates, vocabularies,
// UTF-8, grouping of rows into records).
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "io/record_import.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto got = uncounted::import_records_csv(text, "fuzz.csv", {"src", "A", nullptr});
  if (got)
    for (const auto& r : got->records)
      if (r.record_id.empty()) std::abort();
  return 0;
}
