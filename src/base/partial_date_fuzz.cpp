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
    // Both ends on whole units of p: nothing finer survives the redaction.
    if (c.precision != DatePrecision::unknown) {
      const CivilDate& a = c.earliest;
      const CivilDate& b = c.latest;
      if (a != kEarliestDate && (a.day != 1 || (p >= DatePrecision::year && a.month != 1) ||
                                 (p == DatePrecision::decade && a.year % 10 != 0)))
        std::abort();
      if (b != kLatestDate && (b.day != days_in_month(b.year, b.month) ||
                               (p >= DatePrecision::year && b.month != 12) ||
                               (p == DatePrecision::decade && b.year % 10 != 9)))
        std::abort();
    }
  }
  return 0;
}
