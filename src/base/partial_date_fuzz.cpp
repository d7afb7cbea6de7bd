// libFuzzer target: partial dates. Any text parses or is refused; a parsed
// date has earliest <= latest, valid days, and its canonical text parses back
// to the same bounds; coarsening never makes it finer.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "base/partial_date.h"

using namespace uncounted;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto d = parse_partial_date(text);
  if (!d) return 0;
  auto valid = [](const CivilDate& c) { return is_valid_date(c.year, c.month, c.day); };
  if (!(d->earliest <= d->latest) || !valid(d->earliest) || !valid(d->latest)) std::abort();
  auto again = parse_partial_date(canonical_text(*d));
  if (!again || again->earliest != d->earliest || again->latest != d->latest) std::abort();
  for (auto p : {DatePrecision::month, DatePrecision::year, DatePrecision::decade}) {
    auto c = coarsen(*d, p);
    if (c.precision < p || c.earliest > d->earliest || c.latest < d->latest) std::abort();
    if (!parse_partial_date(c.verbatim)) std::abort();
  }
  return 0;
}
