#include "estimate/capture_table.h"

#include <set>

namespace uncounted {

CaptureTable::CaptureTable(std::vector<std::string> lists, std::vector<std::int64_t> counts)
    : lists_(std::move(lists)), counts_(std::move(counts)) {
  for (std::int64_t c : counts_) observed_ += c;
}

Result<CaptureTable> CaptureTable::make(std::vector<std::string> lists,
                                        std::vector<std::int64_t> counts) {
  const std::size_t k = lists.size();
  if (k < 2) return fail("capture histories need at least 2 lists, got " + std::to_string(k));
  if (k > static_cast<std::size_t>(kMaxLists))
    return fail("at most " + std::to_string(kMaxLists) + " lists are supported, got " +
                std::to_string(k));
  if (counts.size() != (std::size_t{1} << k))
    return fail("internal: counts must have 2^lists entries");
  std::set<std::string> names;
  for (const auto& name : lists)
    if (!names.insert(name).second) return fail("list name '" + name + "' appears twice");
  if (counts[0] != 0) return fail("the all-zero pattern (seen by no list) cannot have a count");
  for (std::int64_t c : counts)
    if (c < 0) return fail("counts must not be negative");
  CaptureTable table(std::move(lists), std::move(counts));
  for (int j = 0; j < table.list_count(); ++j)
    if (table.list_total(j) == 0)
      return fail("list '" + table.lists_[j] + "' has no records: every list must see someone");
  return table;
}

int CaptureTable::nonzero_patterns() const {
  int n = 0;
  for (Pattern p = 1; p < cell_count(); ++p) n += counts_[p] > 0;
  return n;
}

std::int64_t CaptureTable::list_total(int list) const { return overlap(Pattern{1} << list); }

std::int64_t CaptureTable::overlap(Pattern lists_mask) const {
  std::int64_t total = 0;
  for (Pattern p = 1; p < cell_count(); ++p)
    if ((p & lists_mask) == lists_mask) total += counts_[p];
  return total;
}

Result<CaptureTable> CaptureTable::make_marginal(const std::vector<std::string>& lists,
                                                const std::vector<std::int64_t>& counts, Pattern keep) {
  if (counts.size() != (std::size_t{1} << lists.size()))
    return fail("internal: counts must have 2^lists entries");
  std::vector<std::string> kept_lists;
  std::vector<int> index;
  for (std::size_t j = 0; j < lists.size(); ++j)
    if (keep >> j & 1) {
      index.push_back(static_cast<int>(j));
      kept_lists.push_back(lists[j]);
    }
  std::vector<std::int64_t> kept_counts(std::size_t{1} << kept_lists.size(), 0);
  for (std::size_t p = 1; p < counts.size(); ++p) {
    Pattern q = 0;
    for (std::size_t i = 0; i < index.size(); ++i)
      if (p >> index[i] & 1) q |= Pattern{1} << i;
    if (q != 0) kept_counts[q] += counts[p];
  }
  return make(std::move(kept_lists), std::move(kept_counts));
}

}  // namespace uncounted
