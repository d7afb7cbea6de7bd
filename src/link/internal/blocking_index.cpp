#include "link/internal/blocking_index.h"

#include <algorithm>
#include <limits>
#include <unordered_map>

#include "link/internal/parallel.h"
#include "link/internal/text_key.h"
#include "normalize/phonetic_key.h"

namespace uncounted::link::internal {
namespace {

std::string prefix_code_points(const std::string& s, int length) {
  std::size_t i = 0;
  int count = 0;
  while (i < s.size()) {
    if (count == length) break;
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    ++count;
  }
  return s.substr(0, i);
}

std::string transform_text(const std::string& norm, const KeyPart& part) {
  switch (part.transform) {
    case KeyTransform::kExact:
      return norm;
    case KeyTransform::kPrefix:
      return prefix_code_points(norm, part.length);
    case KeyTransform::kPhonetic:
      return normalize::phonetic_key(norm);
    case KeyTransform::kSoundex:
      return soundex(norm);
    case KeyTransform::kYear:
      return first_year(norm);
    default:
      return {};
  }
}

// The values of one key part for every record (several for name keys).
struct PartValues {
  const std::vector<std::string>* column = nullptr;
  const PreparedField* field = nullptr;
  KeyPart part;
  std::unordered_map<std::string, std::string> cache;                   // raw -> transformed
  std::unordered_map<std::uint32_t, std::vector<std::string>> name_cache;  // value -> keys

  // The values point into the caches (stable: unordered_map nodes).
  void values(std::uint32_t record, std::vector<const std::string*>& out) {
    out.clear();
    if (column) {
      const std::string& raw = (*column)[record];
      if (raw.empty()) return;
      auto it = cache.find(raw);
      if (it == cache.end()) it = cache.emplace(raw, transform_text(normalize_text(raw), part)).first;
      if (!it->second.empty()) out.push_back(&it->second);
      return;
    }
    const std::uint32_t v = field->value_of[record];
    if (v == kMissing) return;
    auto it = name_cache.find(v);
    if (it == name_cache.end()) {
      std::vector<std::string> keys;
      auto add = [&](const std::string& k) {
        if (!k.empty() && std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
      };
      if (part.transform == KeyTransform::kYearWindow) {
        const int y = field->year[v];
        add(std::to_string(y));
        add(std::to_string(y + 1));
      } else {
        for (const auto& form : field->names[v]) {
          if (part.transform == KeyTransform::kNameKeys) {
            for (auto& k : form.blocking_keys()) add(k);
          } else {
            for (const auto& reading : form.readings)
              for (const auto& k : part.transform == KeyTransform::kFamilyKeys ? reading.family_keys
                                                                                 : reading.given_keys)
                add(k);
          }
        }
      }
      it = name_cache.emplace(v, std::move(keys)).first;
    }
    for (const auto& k : it->second) out.push_back(&k);
  }
};

Result<RuleIndex> build_rule(const BlockingRule& rule, const RecordTable& table,
                             const std::vector<PreparedField>& fields) {
  RuleIndex index;
  index.name = rule.name;
  std::vector<PartValues> parts(rule.parts.size());
  for (std::size_t p = 0; p < rule.parts.size(); ++p) {
    const KeyPart& part = rule.parts[p];
    parts[p].part = part;
    index.columns.push_back(part.column);
    index.transforms.push_back(part.transform);
    if (reads_field(part.transform)) {
      const bool year = part.transform == KeyTransform::kYearWindow;
      const ComparatorKind kind = year ? ComparatorKind::kYear : ComparatorKind::kKoreanName;
      for (const auto& f : fields)
        if (f.spec.name == part.column && f.spec.kind == kind) parts[p].field = &f;
      if (!parts[p].field)
        return fail("blocking rule '" + rule.name + "': '" + part.column + "' is not a " +
                    (year ? "year" : "korean_name") + " field");
    } else {
      auto c = table.find_column(part.column);
      if (!c) return fail("blocking rule '" + rule.name + "': column '" + part.column + "' is not in the records");
      parts[p].column = &table.columns[*c];
    }
  }
  const auto n = static_cast<std::uint32_t>(table.size());
  std::unordered_map<std::string, std::uint32_t> ids;
  std::vector<std::vector<const std::string*>> values(parts.size());
  std::vector<std::string> keys, next;
  std::vector<std::uint32_t> rec;
  index.key1.assign(n, kMissing);
  index.key_offsets.assign(1, 0);
  for (std::uint32_t r = 0; r < n; ++r) {
    keys.assign(1, std::string());
    for (std::size_t p = 0; p < parts.size() && !keys.empty(); ++p) {
      parts[p].values(r, values[p]);
      next.clear();
      for (const auto& k : keys)
        for (const auto* v : values[p]) {
          next.emplace_back(k);
          if (p > 0) next.back().push_back('\x1f');
          next.back() += *v;
        }
      keys.swap(next);
    }
    rec.clear();
    for (const auto& k : keys) rec.push_back(ids.try_emplace(k, static_cast<std::uint32_t>(ids.size())).first->second);
    std::sort(rec.begin(), rec.end());
    rec.erase(std::unique(rec.begin(), rec.end()), rec.end());
    if (rec.size() > 1) index.multi = true;
    if (rec.size() == 1) index.key1[r] = rec[0];
    index.keys.insert(index.keys.end(), rec.begin(), rec.end());
    index.key_offsets.push_back(static_cast<std::uint32_t>(index.keys.size()));
  }
  if (!index.multi) {
    index.keys.clear();
    index.keys.shrink_to_fit();
    index.key_offsets.clear();
    index.key_offsets.shrink_to_fit();
  }
  // Blocks by counting sort on key ids (records ascend within a block).
  const std::size_t key_count = ids.size();
  index.block_offsets.assign(key_count + 1, 0);
  auto for_keys = [&](std::uint32_t r, auto f) {
    if (!index.multi) {
      if (index.key1[r] != kMissing) f(index.key1[r]);
      return;
    }
    for (auto i = index.key_offsets[r]; i < index.key_offsets[r + 1]; ++i) f(index.keys[i]);
  };
  for (std::uint32_t r = 0; r < n; ++r) for_keys(r, [&](std::uint32_t k) { ++index.block_offsets[k + 1]; });
  for (std::size_t k = 0; k < key_count; ++k) index.block_offsets[k + 1] += index.block_offsets[k];
  index.block_members.resize(index.block_offsets[key_count]);
  std::vector<std::uint64_t> fill(index.block_offsets.begin(), index.block_offsets.end() - 1);
  for (std::uint32_t r = 0; r < n; ++r) for_keys(r, [&](std::uint32_t k) { index.block_members[fill[k]++] = r; });
  return index;
}

constexpr std::size_t kMaxEarlierKeys = 20;

// A record's keys that come before `block` of `rule` in the order pairs are
// attributed (see count_block_pairs), tagged rule << 32 | key, ascending.
void earlier_keys(const std::vector<RuleIndex>& rules, std::size_t rule, std::size_t block, bool new_only,
                  std::uint32_t record, std::vector<std::uint64_t>& out) {
  out.clear();
  const auto tag = [](std::size_t q, std::uint32_t k) { return (static_cast<std::uint64_t>(q) << 32) | k; };
  for (std::size_t q = 0; new_only && q < rule; ++q)
    rules[q].for_each_key(record, [&](std::uint32_t k) { out.push_back(tag(q, k)); });
  rules[rule].for_each_key(record, [&](std::uint32_t k) {
    if (k < block) out.push_back(tag(rule, k));
  });
}

struct KeySetHash {
  std::size_t operator()(const std::vector<std::uint64_t>& v) const {
    std::uint64_t h = 0x9E3779B97F4A7C15ull;
    for (auto x : v) {
      h ^= x + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
      h *= 0xBF58476D1CE4E5B9ull;
    }
    return static_cast<std::size_t>(h ^ (h >> 31));
  }
};

std::uint64_t choose2(std::uint64_t n) { return n < 2 ? 0 : n * (n - 1) / 2; }

}  // namespace

std::optional<std::uint64_t> count_block_pairs(const std::vector<RuleIndex>& rules, std::size_t rule,
                                               std::size_t block, bool new_only, LinkType type,
                                               const RecordTable& table, std::size_t max_entries) {
  // Per subset T of earlier keys: how many members hold every key of T
  // (T empty: every member), and with a link type per source. A subset with
  // its source is tagged by a last element with the top bit set.
  constexpr std::uint64_t kSourceTag = std::uint64_t{1} << 63;
  const bool by_source = type != LinkType::kDedupeAndLink;
  std::unordered_map<std::vector<std::uint64_t>, std::uint64_t, KeySetHash> tally;
  std::unordered_map<std::uint32_t, std::uint64_t> empty_by_source;
  std::vector<std::uint64_t> keys, subset;
  const RuleIndex& r = rules[rule];
  for (auto i = r.block_offsets[block]; i < r.block_offsets[block + 1]; ++i) {
    const std::uint32_t record = r.block_members[i];
    const std::uint32_t source = table.source_of[record];
    if (by_source) ++empty_by_source[source];
    earlier_keys(rules, rule, block, new_only, record, keys);
    if (keys.size() > kMaxEarlierKeys) return std::nullopt;
    const std::uint32_t subsets = std::uint32_t{1} << keys.size();
    for (std::uint32_t mask = 1; mask < subsets; ++mask) {
      subset.clear();
      for (std::size_t k = 0; k < keys.size(); ++k)
        if (mask & (std::uint32_t{1} << k)) subset.push_back(keys[k]);
      ++tally[subset];
      if (by_source) {
        subset.push_back(kSourceTag | source);
        ++tally[subset];
      }
      if (tally.size() > max_entries) return std::nullopt;  // checked per set: one member may add 2^21
    }
  }
  // Pairs the link type allows among `n` members (all of one source when
  // `one_source`), with the sign of |T|; sums kept apart to stay unsigned.
  std::uint64_t plus = 0, minus = 0;
  const auto add = [&](std::uint64_t n, std::size_t set_size, bool one_source) {
    std::uint64_t pairs = choose2(n);
    bool positive = set_size % 2 == 0;
    if (one_source) {
      if (type == LinkType::kLinkOnly) positive = !positive;  // all pairs minus those within a source
    } else if (type == LinkType::kDedupeOnly) {
      pairs = 0;  // only pairs within a source
    }
    (positive ? plus : minus) += pairs;
  };
  add(r.block_size(block), 0, false);
  for (const auto& [source, n] : empty_by_source) add(n, 0, true);
  for (const auto& [set, n] : tally) {
    const bool one_source = !set.empty() && (set.back() & kSourceTag);
    add(n, set.size() - (one_source ? 1 : 0), one_source);
  }
  return plus - minus;
}

double block_count_cost(const std::vector<RuleIndex>& rules, std::size_t rule, std::size_t block, bool new_only) {
  const RuleIndex& r = rules[rule];
  double cost = 0;
  std::vector<std::uint64_t> keys;
  for (auto i = r.block_offsets[block]; i < r.block_offsets[block + 1]; ++i) {
    earlier_keys(rules, rule, block, new_only, r.block_members[i], keys);
    if (keys.size() > kMaxEarlierKeys) return std::numeric_limits<double>::infinity();
    cost += static_cast<double>(std::uint64_t{1} << keys.size());
  }
  return cost;
}

bool RuleIndex::share_key(std::uint32_t a, std::uint32_t b) const {
  if (!multi) return key1[a] != kMissing && key1[a] == key1[b];
  return smallest_common_key(a, b) != kMissing;
}

std::uint32_t RuleIndex::smallest_common_key(std::uint32_t a, std::uint32_t b) const {
  if (!multi) return key1[a] != kMissing && key1[a] == key1[b] ? key1[a] : kMissing;
  auto i = key_offsets[a];
  auto j = key_offsets[b];
  const auto ie = key_offsets[a + 1];
  const auto je = key_offsets[b + 1];
  while (i < ie && j < je) {
    if (keys[i] == keys[j]) return keys[i];
    if (keys[i] < keys[j])
      ++i;
    else
      ++j;
  }
  return kMissing;
}

Result<std::vector<RuleIndex>> build_blocking(const std::vector<BlockingRule>& rules, const RecordTable& table,
                                              const std::vector<PreparedField>& fields, int workers) {
  std::vector<Result<RuleIndex>> built(rules.size(), fail("not built"));
  parallel_for(rules.size(), workers, 1,
               [&](std::size_t i, int) { built[i] = build_rule(rules[i], table, fields); });
  std::vector<RuleIndex> out;
  for (auto& b : built) {
    if (!b) return tl::unexpected(b.error());
    out.push_back(std::move(*b));
  }
  return out;
}

}  // namespace uncounted::link::internal
