// Blocking: for every rule, each record's key(s) and the blocks (records
// sharing a key). A pair of records is a candidate if some rule gives them
// a common key; it is attributed to the first such rule and, within the
// rule, to the smallest common key, so each candidate pair is enumerated
// exactly once across the union of rules.
//
// Thread safety: immutable after build_blocking.
#pragma once

#include <cstdint>
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

// Calls emit(a, b) (a < b) for every candidate pair whose first rule is
// `rule` and whose smallest common key in it is `block`.
template <typename Emit>
void for_each_new_pair(const std::vector<RuleIndex>& rules, std::size_t rule, std::size_t block, LinkType type,
                       const RecordTable& table, Emit emit) {
  const RuleIndex& r = rules[rule];
  const auto begin = r.block_offsets[block];
  const auto end = r.block_offsets[block + 1];
  for (auto i = begin; i < end; ++i) {
    const std::uint32_t a = r.block_members[i];
    for (auto j = i + 1; j < end; ++j) {
      const std::uint32_t b = r.block_members[j];
      if (!pair_allowed(type, table, a, b)) continue;
      bool earlier = false;
      for (std::size_t q = 0; q < rule && !earlier; ++q) earlier = rules[q].share_key(a, b);
      if (earlier) continue;
      if (r.multi && r.smallest_common_key(a, b) != block) continue;
      emit(a, b);
    }
  }
}

}  // namespace uncounted::link::internal
