// libFuzzer target: the RFC 4180 reader must accept or refuse any bytes
// without crashing, and every row it returns must be non-empty.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "base/csv_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto table = uncounted::parse_csv(text, "fuzz.csv");
  if (table) {
    for (const auto& row : table->rows)
      if (row.fields.empty() || row.line < table->header_line) std::abort();
  }
  return 0;
}
