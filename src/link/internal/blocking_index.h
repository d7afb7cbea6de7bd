// Blocking: for every rule, each record's key(s) and the blocks (records
// sharing a key). A pair of records is a candidate if some rule gives them
// a common key; it is attributed to the first such rule and, within the
// rule, to the smallest common key, so each candidate pair is enumerated
// exactly once across the union of rules (and each pair a rule makes once
// within the rule, though a record may have several keys).
//
// Thread safety: immutable after build_blocking.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "link/internal/prepared_field.h"
#include "link/link_spec.h"
#include "link/record_table.h"

namespace uncounted::link::internal {

struct RuleIndex {
  std::string name;
  std::vector<std::string> columns;           // columns and fields the rule's key reads
  std::vector<KeyTransform> transforms;       // per entry of columns
  bool multi = false;                         // some record has several keys
  std::vector<std::uint32_t> key1;            // !multi: per record, key or kMissing
  std::vector<std::uint32_t> key_offsets;     // multi: CSR of sorted keys per record
  std::vector<std::uint32_t> keys;
  std::vector<std::uint64_t> block_offsets;   // per key: members in block_members
  std::vector<std::uint32_t> block_members;   // ascending record index within a block

  std::size_t block_count() const { return block_offsets.empty() ? 0 : block_offsets.size() - 1; }
  std::size_t block_size(std::size_t block) const {
    return static_cast<std::size_t>(block_offsets[block + 1] - block_offsets[block]);
  }
  // Calls f(key) for each of the record's keys, ascending.
  template <typename F>
  void for_each_key(std::uint32_t record, F f) const {
    if (!multi) {
      if (key1[record] != kMissing) f(key1[record]);
      return;
    }
    for (auto i = key_offsets[record]; i < key_offsets[record + 1]; ++i) f(keys[i]);
  }
  bool share_key(std::uint32_t a, std::uint32_t b) const;
  // The smallest key a and b share, or kMissing.
  std::uint32_t smallest_common_key(std::uint32_t a, std::uint32_t b) const;
};

Result<std::vector<RuleIndex>> build_blocking(const std::vector<BlockingRule>& rules, const RecordTable& table,
                                              const std::vector<PreparedField>& fields, int workers);

// Whether the link type allows comparing records a and b.
inline bool pair_allowed(LinkType type, const RecordTable& t, std::uint32_t a, std::uint32_t b) {
  switch (type) {
    case LinkType::kDedupeAndLink:
      return true;
    case LinkType::kLinkOnly:
      return t.source_of[a] != t.source_of[b];
    case LinkType::kDedupeOnly:
      return t.source_of[a] == t.source_of[b];
  }
  return true;
}

// Calls emit(a, b, is_new) (a < b) for every pair of `block` of `rule`
// that the link type allows and whose smallest common key in the rule is
// `block`, so for each pair the rule makes exactly once (over its blocks);
// is_new: no earlier rule makes it (it is a candidate pair of this rule).
template <typename Emit>
void for_each_rule_pair(const std::vector<RuleIndex>& rules, std::size_t rule, std::size_t block, LinkType type,
                        const RecordTable& table, Emit emit) {
  const RuleIndex& r = rules[rule];
  const auto begin = r.block_offsets[block];
  const auto end = r.block_offsets[block + 1];
  for (auto i = begin; i < end; ++i) {
    const std::uint32_t a = r.block_members[i];
    for (auto j = i + 1; j < end; ++j) {
      const std::uint32_t b = r.block_members[j];
      if (!pair_allowed(type, table, a, b)) continue;
      if (r.multi && r.smallest_common_key(a, b) != block) continue;
      bool earlier = false;
      for (std::size_t q = 0; q < rule && !earlier; ++q) earlier = rules[q].share_key(a, b);
      emit(a, b, !earlier);
    }
  }
}

// The pairs for_each_rule_pair emits for `block` of `rule` (with
// new_only: those with is_new), counted without enumerating pairs, by
// inclusion-exclusion over each member's "earlier" keys: its keys in the
// rule below `block` and, with new_only, its keys in earlier rules. A pair
// sharing the set C of earlier keys is counted sum over subsets T of C of
// (-1)^|T| times, i.e. once if C is empty and else not at all.
// Work: block_count_cost; memory: one tally entry per distinct subset of
// earlier keys among the members. nullopt when a member has more than 20
// earlier keys or the tally passes max_entries.
std::optional<std::uint64_t> count_block_pairs(const std::vector<RuleIndex>& rules, std::size_t rule,
                                               std::size_t block, bool new_only, LinkType type,
                                               const RecordTable& table, std::size_t max_entries);

// The work of count_block_pairs: the sum over the block's members of
// 2^(earlier keys); infinity when a member has more than 20.
double block_count_cost(const std::vector<RuleIndex>& rules, std::size_t rule, std::size_t block, bool new_only);

}  // namespace uncounted::link::internal
