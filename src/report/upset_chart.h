// How lists overlap, drawn UpSet-style (Lex et al. 2014): one column per
// capture pattern (which lists saw a person), its height the number of
// people with that pattern, and below it a dot matrix marking the lists of
// the pattern; at the left, each list's size. Counts are published counts
// (suppression.h): suppressed ones are drawn as stubs, never at their true
// height, and are placed after the shown ones so that the order of columns
// does not rank hidden values.
//
// Thread safety: pure function.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "report/suppression.h"

namespace uncounted::report {

struct UpsetColumn {
  std::uint32_t mask = 0;  // bit i: seen by list i
  PublishedCount count;
};

// `columns` in any order (zero counts are left out); at most `max_columns`
// are drawn, the rest are summarised in a caption line.
std::string upset_chart(const std::vector<std::string>& lists, const std::vector<PublishedCount>& list_sizes,
                        std::vector<UpsetColumn> columns, const std::string& title, std::size_t max_columns = 40);

}  // namespace uncounted::report
