#include "link/linker.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <numeric>
#include <string>
#include <unordered_map>

#include "link/clustering.h"
#include "link/internal/blocking_index.h"
#include "link/internal/parallel.h"
#include "link/internal/pattern_em.h"
#include "link/internal/prepared_field.h"

namespace uncounted::link {
namespace {

using internal::kMissing;
using internal::PatternCodec;
using internal::PatternCount;
using internal::PreparedField;
using internal::RuleIndex;

constexpr std::uint64_t kMaxCandidatePairs = 1'500'000'000;

struct SplitMix {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>(next() % n); }
};

double choose2(double n) { return n * (n - 1) / 2; }

// Pairs of a group of records the link type allows, from per-source counts.
double allowed_pairs(LinkType type, double total, double same_source) {
  switch (type) {
    case LinkType::kDedupeAndLink:
      return choose2(total);
    case LinkType::kLinkOnly:
      return choose2(total) - same_source;
    case LinkType::kDedupeOnly:
      return same_source;
  }
  return 0;
}

std::uint64_t possible_pairs(const RecordTable& t, LinkType type) {
  std::vector<double> per_source(t.sources.size(), 0);
  for (auto s : t.source_of) per_source[s] += 1;
  double same = 0;
  for (double c : per_source) same += choose2(c);
  return static_cast<std::uint64_t>(allowed_pairs(type, static_cast<double>(t.size()), same));
}

// Whether every pair a rule proposes agrees on the field (so that the rule's
// EM session must leave it out). A Korean name's family or given keys alone
// do not fix the name's level: the other part still varies.
bool rule_fixes_field(const RuleIndex& rule, const FieldSpec& f) {
  for (std::size_t i = 0; i < rule.columns.size(); ++i) {
    const auto& c = rule.columns[i];
    if (c == f.name) {
      const auto t = rule.transforms[i];
      if (t == KeyTransform::kFamilyKeys || t == KeyTransform::kGivenKeys) continue;
      return true;
    }
    for (const auto* col : {&f.full_column, &f.family_column, &f.given_column, &f.hangul_column, &f.hanzi_column,
                            &f.age_column, &f.reference_date_column})
      if (!col->empty() && *col == c) return true;
    for (const auto& fc : f.columns)
      if (fc == c) return true;
  }
  return false;
}

Result<std::vector<PreparedField>> prepare_fields(const std::vector<FieldSpec>& specs, const RecordTable& table,
                                                  const LinkResources& resources, int workers) {
  std::vector<Result<PreparedField>> prepared(specs.size(), fail("not prepared"));
  internal::parallel_for(specs.size(), workers, 1, [&](std::size_t i, int) {
    prepared[i] = internal::prepare_field(specs[i], table, resources);
  });
  std::vector<PreparedField> out;
  for (auto& p : prepared) {
    if (!p) return tl::unexpected(p.error());
    out.push_back(std::move(*p));
  }
  return out;
}

struct BlockItem {
  std::uint32_t rule;
  std::uint32_t block;
};

std::vector<BlockItem> block_items(const std::vector<RuleIndex>& rules) {
  std::vector<BlockItem> items;
  for (std::size_t r = 0; r < rules.size(); ++r)
    for (std::size_t b = 0; b < rules[r].block_count(); ++b)
      if (rules[r].block_offsets[b + 1] - rules[r].block_offsets[b] >= 2)
        items.push_back({static_cast<std::uint32_t>(r), static_cast<std::uint32_t>(b)});
  // Largest blocks first, so that the threads finish together.
  std::stable_sort(items.begin(), items.end(), [&](const BlockItem& x, const BlockItem& y) {
    const auto& rx = rules[x.rule];
    const auto& ry = rules[y.rule];
    return rx.block_offsets[x.block + 1] - rx.block_offsets[x.block] >
           ry.block_offsets[y.block + 1] - ry.block_offsets[y.block];
  });
  return items;
}

// Raw pairs per rule by arithmetic on the blocks (no enumeration).
std::vector<double> raw_rule_pairs(const std::vector<RuleIndex>& rules, const RecordTable& table, LinkType type) {
  std::vector<double> out(rules.size(), 0);
  std::unordered_map<std::uint32_t, double> per_source;
  for (std::size_t r = 0; r < rules.size(); ++r) {
    const auto& rule = rules[r];
    for (std::size_t b = 0; b < rule.block_count(); ++b) {
      const auto begin = rule.block_offsets[b];
      const auto end = rule.block_offsets[b + 1];
      if (end - begin < 2) continue;
      double same = 0;
      if (type != LinkType::kDedupeAndLink) {
        per_source.clear();
        for (auto i = begin; i < end; ++i) per_source[table.source_of[rule.block_members[i]]] += 1;
        for (const auto& [s, c] : per_source) same += choose2(c);
      }
      out[r] += allowed_pairs(type, static_cast<double>(end - begin), same);
    }
  }
  return out;
}

// Work (count_candidate_pairs' work_limit) of a key set tallied
// (count_block_pairs); a pair enumerated is 1.
constexpr double kTallyCost = 4;
constexpr std::size_t kMaxTally = std::size_t{1} << 18;  // entries of one block's tally
constexpr double kFallbackPairs = 6e8;  // a block whose tally outgrows kMaxTally is enumerated up to this

// How one block's figure is counted: not at all, by enumerating its pairs
// (for_each_rule_pair) or by tallying its members' key sets
// (count_block_pairs).
enum class Way : char { kSkip, kEnumerate, kTally };

struct BlockPlan {
  Way made = Way::kSkip;   // the distinct pairs of a rule with several keys per record
  Way fresh = Way::kSkip;  // the pairs no earlier rule makes
};

// Pairs per rule and new pairs, exact where the work stays within
// work_limit, each block counted the cheaper way. Beyond it, first the
// distinct pairs of the rules with several keys per record, then the new
// pairs of the rules, in order, as far as the work allows; the others are
// upper bounds.
std::vector<RulePairCount> count_rules(const std::vector<RuleIndex>& rules, const RecordTable& table,
                                       LinkType type, int workers, double work_limit) {
  const auto raw = raw_rule_pairs(rules, table, type);
  const auto items = block_items(rules);
  // Per block, the work of enumerating its pairs (both figures at once) and
  // of tallying key sets for each figure.
  std::vector<double> enumerate(items.size()), tally_made(items.size()), tally_fresh(items.size());
  double all_cost = 0;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& item = items[i];
    enumerate[i] = choose2(static_cast<double>(rules[item.rule].block_size(item.block)));
    tally_made[i] = rules[item.rule].multi ? kTallyCost * block_count_cost(rules, item.rule, item.block, false) : 0;
    tally_fresh[i] = kTallyCost * block_count_cost(rules, item.rule, item.block, true);
    all_cost += std::min(enumerate[i], tally_made[i] + tally_fresh[i]);
  }
  std::vector<char> made_counted(rules.size(), 1), fresh_counted(rules.size(), 1);
  std::vector<BlockPlan> plan(items.size());
  if (all_cost <= work_limit) {
    for (std::size_t i = 0; i < items.size(); ++i) {
      const bool multi = rules[items[i].rule].multi;
      const Way way = enumerate[i] <= tally_made[i] + tally_fresh[i] ? Way::kEnumerate : Way::kTally;
      plan[i] = {multi ? way : Way::kSkip, way};
    }
  } else {
    std::vector<double> made_cost(rules.size(), 0), fresh_cost(rules.size(), 0);
    for (std::size_t i = 0; i < items.size(); ++i) {
      made_cost[items[i].rule] += std::min(enumerate[i], tally_made[i]);
      fresh_cost[items[i].rule] += std::min(enumerate[i], tally_fresh[i]);
    }
    double spent = 0;
    const auto afford = [&](double cost) {
      if (spent + cost > work_limit) return false;
      spent += cost;
      return true;
    };
    for (std::size_t r = 0; r < rules.size(); ++r) made_counted[r] = !rules[r].multi || afford(made_cost[r]);
    for (std::size_t r = 1; r < rules.size(); ++r) fresh_counted[r] = afford(fresh_cost[r]);  // rule 0: below
    for (std::size_t i = 0; i < items.size(); ++i) {
      const std::size_t r = items[i].rule;
      plan[i].made = !rules[r].multi || !made_counted[r] ? Way::kSkip
                     : enumerate[i] <= tally_made[i]     ? Way::kEnumerate
                                                         : Way::kTally;
      plan[i].fresh = r == 0 || !fresh_counted[r]      ? Way::kSkip
                      : enumerate[i] <= tally_fresh[i] ? Way::kEnumerate
                                                       : Way::kTally;
    }
  }
  struct Tallies {
    std::vector<std::uint64_t> made, fresh;
    std::vector<char> made_failed, fresh_failed;  // a block's tally outgrew kMaxTally
  };
  std::vector<Tallies> per_worker(static_cast<std::size_t>(workers));
  for (auto& t : per_worker) {
    t.made.assign(rules.size(), 0);
    t.fresh.assign(rules.size(), 0);
    t.made_failed.assign(rules.size(), 0);
    t.fresh_failed.assign(rules.size(), 0);
  }
  internal::parallel_for(items.size(), workers, 16, [&](std::size_t i, int w) {
    auto& t = per_worker[static_cast<std::size_t>(w)];
    const auto& item = items[i];
    const auto& p = plan[i];
    // Whether the block's pairs are enumerated for this figure (a rule's
    // pairs, or its new pairs). A tally whose key sets outgrow kMaxTally
    // falls back to enumerating the block when that is affordable on its
    // own; otherwise the figure is flagged as an upper bound.
    const auto enumerated = [&](Way way, bool new_only, std::uint64_t& sum, char& failed) {
      if (way != Way::kTally) return way == Way::kEnumerate;
      if (const auto n = internal::count_block_pairs(rules, item.rule, item.block, new_only, type, table, kMaxTally))
        sum += *n;
      else if (enumerate[i] <= kFallbackPairs)
        return true;
      else
        failed = 1;
      return false;
    };
    const bool made = enumerated(p.made, false, t.made[item.rule], t.made_failed[item.rule]);
    const bool fresh = enumerated(p.fresh, true, t.fresh[item.rule], t.fresh_failed[item.rule]);
    if (made || fresh)
      internal::for_each_rule_pair(rules, item.rule, item.block, type, table,
                                   [&](std::uint32_t, std::uint32_t, bool is_new) {
                                     if (made) ++t.made[item.rule];
                                     if (fresh && is_new) ++t.fresh[item.rule];
                                   });
  });
  std::vector<RulePairCount> out(rules.size());
  for (std::size_t r = 0; r < rules.size(); ++r) {
    auto& o = out[r];
    o.rule = rules[r].name;
    std::uint64_t made = 0, fresh = 0;
    bool made_failed = false, fresh_failed = false;
    for (const auto& t : per_worker) {
      made += t.made[r];
      fresh += t.fresh[r];
      made_failed = made_failed || t.made_failed[r];
      fresh_failed = fresh_failed || t.fresh_failed[r];
    }
    // A rule with one key per record makes the pairs of its blocks.
    o.pairs_exact = !rules[r].multi || (made_counted[r] && !made_failed);
    o.pairs = rules[r].multi && o.pairs_exact ? made : static_cast<std::uint64_t>(raw[r]);
    o.new_pairs_exact = fresh_counted[r] && !fresh_failed;
    o.new_pairs = o.new_pairs_exact ? fresh : o.pairs;  // no more than the rule makes
    if (r == 0) {  // no earlier rule
      o.new_pairs = o.pairs;
      o.new_pairs_exact = o.pairs_exact;
    }
  }
  return out;
}

int comparison_level(const PreparedField& f, std::uint32_t a, std::uint32_t b) {
  const auto va = f.value_of[a];
  const auto vb = f.value_of[b];
  if (va == kMissing || vb == kMissing) return -1;
  return internal::compare_level(f, va, vb);
}

// Levels of recently compared value pairs of one field (direct-mapped, per
// worker): in a block the same few values meet again and again (suburbs of
// one postcode, given names of one surname), and a lookup is far cheaper
// than Jaro-Winkler or an edit distance. Exact, year and place comparisons
// are cheaper than the lookup and skip it.
class LevelCache {
 public:
  explicit LevelCache(const PreparedField& f)
      : field_(f),
        enabled_(f.spec.kind != ComparatorKind::kExact && f.spec.kind != ComparatorKind::kYear &&
                 f.spec.kind != ComparatorKind::kPlace),
        keys_(enabled_ ? kSize : 0, kEmpty),
        levels_(enabled_ ? kSize : 0, 0) {}
  int level(std::uint32_t a, std::uint32_t b) {
    const auto va = field_.value_of[a];
    const auto vb = field_.value_of[b];
    if (va == kMissing || vb == kMissing) return -1;
    if (va == vb) return 0;
    if (!enabled_) return internal::compare_level(field_, va, vb);
    const std::uint64_t key = (static_cast<std::uint64_t>(std::min(va, vb)) << 32) | std::max(va, vb);
    const std::size_t slot = static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> (64 - kBits));
    if (keys_[slot] == key) return levels_[slot];
    const int l = internal::compare_level(field_, va, vb);
    keys_[slot] = key;
    levels_[slot] = static_cast<std::int8_t>(l);
    return l;
  }

 private:
  static constexpr int kBits = 12;
  static constexpr std::size_t kSize = std::size_t{1} << kBits;
  static constexpr std::uint64_t kEmpty = ~std::uint64_t{0};  // never a key: values are < kMissing
  const PreparedField& field_;
  bool enabled_;
  std::vector<std::uint64_t> keys_;
  std::vector<std::int8_t> levels_;
};

// u per field: the exact level from value frequencies where exact means
// "same value", the other levels from random pairs.
std::vector<std::vector<double>> estimate_u(const std::vector<PreparedField>& fields, const RecordTable& table,
                                            const LinkSpec& spec, std::uint64_t possible, int workers) {
  const std::size_t nf = fields.size();
  const auto n = static_cast<std::uint32_t>(table.size());
  const std::uint64_t samples = std::min<std::uint64_t>(spec.u_sample_pairs, possible * 4);
  const std::uint64_t chunk = 1 << 12;  // small enough to share 50,000 samples evenly
  const std::uint64_t chunks = (samples + chunk - 1) / chunk;
  std::vector<std::vector<std::vector<double>>> counts(
      static_cast<std::size_t>(workers), std::vector<std::vector<double>>(nf));
  for (auto& wc : counts)
    for (std::size_t f = 0; f < nf; ++f) wc[f].assign(static_cast<std::size_t>(fields[f].level_count), 0.0);
  if (possible > 0 && n >= 2) {
    internal::parallel_for(chunks, workers, 1, [&](std::size_t c, int w) {
      SplitMix rng{spec.seed * 0x2545F4914F6CDD1Dull + c};
      const std::uint64_t todo = std::min<std::uint64_t>(chunk, samples - c * chunk);
      auto& wc = counts[static_cast<std::size_t>(w)];
      for (std::uint64_t s = 0; s < todo; ++s) {
        std::uint32_t a = 0, b = 0;
        for (int attempt = 0; attempt < 1000; ++attempt) {
          a = rng.below(n);
          b = rng.below(n);
          if (a != b && internal::pair_allowed(spec.link_type, table, a, b)) break;
        }
        if (a == b || !internal::pair_allowed(spec.link_type, table, a, b)) continue;
        for (std::size_t f = 0; f < nf; ++f) {
          const int l = comparison_level(fields[f], a, b);
          if (l >= 0) wc[f][static_cast<std::size_t>(l)] += 1;
        }
      }
    });
  }
  std::vector<std::vector<double>> u(nf);
  for (std::size_t f = 0; f < nf; ++f) {
    const auto& field = fields[f];
    const auto levels = static_cast<std::size_t>(field.level_count);
    std::vector<double> c(levels, 0);
    for (const auto& wc : counts)
      for (std::size_t l = 0; l < levels; ++l) c[l] += wc[f][l];
    const bool analytic = field.spec.kind != ComparatorKind::kPlace && field.spec.kind != ComparatorKind::kKoreanName;
    std::vector<double> uf(levels, 0);
    if (analytic) {
      // P(same value) among allowed pairs of records that both have a value.
      std::unordered_map<std::uint64_t, double> by_value_source;
      std::vector<double> by_value(field.text.size(), 0);
      std::vector<double> present_by_source(table.sources.size(), 0);
      double present = 0;
      for (std::uint32_t r = 0; r < n; ++r) {
        const auto v = field.value_of[r];
        if (v == kMissing) continue;
        by_value[v] += 1;
        present += 1;
        present_by_source[table.source_of[r]] += 1;
        if (spec.link_type != LinkType::kDedupeAndLink)
          by_value_source[(static_cast<std::uint64_t>(v) << 24) | table.source_of[r]] += 1;
      }
      double agree = 0;
      for (double cnt : by_value) agree += choose2(cnt);
      double same_agree = 0;
      for (const auto& [k, cnt] : by_value_source) same_agree += choose2(cnt);
      double same_total = 0;
      for (double p : present_by_source) same_total += choose2(p);
      const double total = allowed_pairs(spec.link_type, present, same_total);
      double agree_allowed = spec.link_type == LinkType::kDedupeAndLink ? agree
                             : spec.link_type == LinkType::kLinkOnly    ? agree - same_agree
                                                                        : same_agree;
      const double u0 = total > 0 ? std::max(agree_allowed, 0.5) / total : 0.5;
      double rest = 0;
      for (std::size_t l = 1; l < levels; ++l) rest += c[l] + 0.5;
      uf[0] = std::min(u0, 0.99);
      for (std::size_t l = 1; l < levels; ++l) uf[l] = (1 - uf[0]) * (c[l] + 0.5) / rest;
    } else {
      double total = 0;
      for (std::size_t l = 0; l < levels; ++l) total += c[l] + 0.5;
      for (std::size_t l = 0; l < levels; ++l) uf[l] = (c[l] + 0.5) / total;
    }
    u[f] = std::move(uf);
  }
  return u;
}

struct PairRecord {
  std::uint32_t a;
  std::uint32_t b;
  std::uint32_t pattern;
};

// Counts per comparison pattern: open addressing on the pattern (patterns
// are < 2^32 - 1, so all ones marks an empty slot); far cheaper per pair
// than a node-based map.
class PatternTally {
 public:
  void add(std::uint32_t pattern) {
    if ((used_ + 1) * 2 > keys_.size()) grow();
    std::size_t i = slot(pattern);
    while (keys_[i] != kEmpty && keys_[i] != pattern) i = (i + 1) & (keys_.size() - 1);
    if (keys_[i] == kEmpty) {
      keys_[i] = pattern;
      ++used_;
    }
    counts_[i] += 1;
  }
  template <typename F>
  void for_each(F f) const {
    for (std::size_t i = 0; i < keys_.size(); ++i)
      if (keys_[i] != kEmpty) f(keys_[i], static_cast<double>(counts_[i]));
  }

 private:
  static constexpr std::uint32_t kEmpty = UINT32_MAX;
  std::size_t slot(std::uint32_t p) const {
    return static_cast<std::size_t>((p * 0x9E3779B97F4A7C15ull) >> 20) & (keys_.size() - 1);
  }
  void grow() {
    std::vector<std::uint32_t> keys(std::max<std::size_t>(64, keys_.size() * 2), kEmpty);
    std::vector<std::uint64_t> counts(keys.size(), 0);
    keys.swap(keys_);
    counts.swap(counts_);
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (keys[i] == kEmpty) continue;
      std::size_t j = slot(keys[i]);
      while (keys_[j] != kEmpty) j = (j + 1) & (keys_.size() - 1);
      keys_[j] = keys[i];
      counts_[j] = counts[i];
    }
  }
  std::vector<std::uint32_t> keys_;
  std::vector<std::uint64_t> counts_;
  std::size_t used_ = 0;
};

struct WorkerState {
  std::vector<PairRecord> pairs;
  std::vector<PatternTally> rule_patterns;
  PatternTally patterns;
  std::vector<std::uint64_t> fresh;  // pairs per generating rule
  std::vector<std::uint64_t> made;   // distinct pairs per rule (rules with several keys per record)
};

std::vector<PatternCount> to_counts(const std::unordered_map<std::uint32_t, double>& m) {
  std::vector<PatternCount> out;
  out.reserve(m.size());
  for (const auto& [p, c] : m) out.push_back({p, c});
  std::sort(out.begin(), out.end(), [](const PatternCount& x, const PatternCount& y) { return x.pattern < y.pattern; });
  return out;
}

struct DecisionCounts {
  std::uint64_t must = 0;
  std::uint64_t cannot = 0;
};

// Checks the clerical decisions: valid indices, and no chain of must-links
// joining a cannot-link pair (union-find over the must-links, then every
// cannot-link). Counts the distinct pairs of each kind.
Result<DecisionCounts> check_decisions(std::size_t n, const std::vector<ClericalDecision>& decisions) {
  std::vector<std::uint32_t> parent;
  auto find = [&](std::uint32_t x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  std::vector<std::uint64_t> must, cannot;
  for (std::size_t i = 0; i < decisions.size(); ++i) {
    const auto& d = decisions[i];
    if (d.left >= n || d.right >= n)
      return fail("clerical decision " + std::to_string(i + 1) + " names record index " +
                  std::to_string(std::max(d.left, d.right)) + ", but there are " + std::to_string(n) + " records");
    if (d.left == d.right)
      return fail("clerical decision " + std::to_string(i + 1) + " pairs record index " + std::to_string(d.left) +
                  " with itself");
    const std::uint64_t key = (static_cast<std::uint64_t>(std::min(d.left, d.right)) << 32) | std::max(d.left, d.right);
    (d.same ? must : cannot).push_back(key);
  }
  for (auto* keys : {&must, &cannot}) {
    std::sort(keys->begin(), keys->end());
    keys->erase(std::unique(keys->begin(), keys->end()), keys->end());
  }
  if (!cannot.empty() && !must.empty()) {
    parent.resize(n);
    std::iota(parent.begin(), parent.end(), 0u);
    for (auto key : must) {
      const auto a = find(static_cast<std::uint32_t>(key >> 32));
      const auto b = find(static_cast<std::uint32_t>(key));
      if (a != b) parent[std::max(a, b)] = std::min(a, b);
    }
    for (auto key : cannot) {
      const auto lo = static_cast<std::uint32_t>(key >> 32);
      const auto hi = static_cast<std::uint32_t>(key);
      if (find(lo) == find(hi))
        return fail("clerical decisions conflict: record indices " + std::to_string(lo) + " and " +
                    std::to_string(hi) + " are cannot-link, but must-links join them");
    }
  }
  return DecisionCounts{must.size(), cannot.size()};
}

}  // namespace

Result<std::vector<RulePairCount>> count_candidate_pairs(const RecordTable& table, const LinkSpec& spec,
                                                         const LinkResources& resources, double work_limit) {
  const int workers = internal::worker_count(spec.threads);
  // Only the fields the rules read (Korean name keys, years) need preparing.
  std::vector<FieldSpec> needed;
  for (const auto& f : spec.fields)
    for (const auto& r : spec.blocking)
      for (const auto& p : r.parts)
        if (p.column == f.name && reads_field(p.transform) &&
            std::none_of(needed.begin(), needed.end(), [&](const FieldSpec& x) { return x.name == f.name; }))
          needed.push_back(f);
  auto fields = prepare_fields(needed, table, resources, workers);
  if (!fields) return tl::unexpected(fields.error());
  auto rules = internal::build_blocking(spec.blocking, table, *fields, workers);
  if (!rules) return tl::unexpected(rules.error());
  return count_rules(*rules, table, spec.link_type, workers, work_limit);
}

Result<LinkResult> link_records(const RecordTable& table, const LinkSpec& spec, const LinkResources& resources,
                                const LinkProgress& progress) {
  return link_records(table, spec, resources, std::vector<ClericalDecision>{}, progress);
}

Result<LinkResult> link_records(const RecordTable& table, const LinkSpec& spec, const LinkResources& resources,
                                const std::vector<ClericalDecision>& decisions, const LinkProgress& progress) {
  const int workers = internal::worker_count(spec.threads);
  auto report = [&](std::string_view stage, double done) {
    if (progress) progress(stage, done);
  };
  if (spec.fields.empty()) return fail("the link spec has no fields to compare");
  if (spec.blocking.empty()) return fail("the link spec has no blocking rules");
  if (table.size() >= kMissing) return fail("too many records to link");
  const auto decision_counts = check_decisions(table.size(), decisions);
  if (!decision_counts) return tl::unexpected(decision_counts.error());
  LinkResult result;
  result.summary.must_links = decision_counts->must;
  result.summary.cannot_links = decision_counts->cannot;
  const std::size_t n = table.size();
  const std::size_t nf = spec.fields.size();

  report("preparing", 0);
  auto prepared = prepare_fields(spec.fields, table, resources, workers);
  if (!prepared) return tl::unexpected(prepared.error());
  const auto& fields = *prepared;
  PatternCodec codec;
  std::uint64_t stride = 1;
  for (const auto& f : fields) {
    codec.level_count.push_back(f.level_count);
    codec.stride.push_back(static_cast<std::uint32_t>(stride));
    stride *= static_cast<std::uint64_t>(f.level_count + 1);
    if (stride > UINT32_MAX) return fail("too many fields and levels: at most 2^32 comparison patterns");
  }

  report("blocking", 0);
  auto rules_or = internal::build_blocking(spec.blocking, table, fields, workers);
  if (!rules_or) return tl::unexpected(rules_or.error());
  const auto& rules = *rules_or;
  const auto raw = raw_rule_pairs(rules, table, spec.link_type);
  for (std::size_t r = 0; r < rules.size(); ++r)
    if (raw[r] > static_cast<double>(kMaxCandidatePairs))
      return fail("blocking rule '" + rules[r].name + "': its blocks hold " +
                  std::to_string(static_cast<std::uint64_t>(raw[r])) + " pairs (at most " +
                  std::to_string(kMaxCandidatePairs) + "); see --count-pairs and make the rule stricter");

  const std::uint64_t possible = possible_pairs(table, spec.link_type);
  result.summary.possible_pairs = possible;

  report("sampling", 0);
  const auto u = estimate_u(fields, table, spec, possible, workers);

  // Compare every candidate pair once.
  report("comparing", 0);
  const auto items = block_items(rules);
  std::vector<WorkerState> state(static_cast<std::size_t>(workers));
  for (auto& s : state) {
    s.rule_patterns.resize(rules.size());
    s.fresh.assign(rules.size(), 0);
    s.made.assign(rules.size(), 0);
  }
  std::vector<std::vector<LevelCache>> caches(static_cast<std::size_t>(workers));
  for (auto& c : caches)
    for (const auto& f : fields) c.emplace_back(f);
  std::atomic<std::size_t> done_items{0};
  internal::parallel_for(items.size(), workers, 8, [&](std::size_t i, int w) {
    auto& st = state[static_cast<std::size_t>(w)];
    auto& cache = caches[static_cast<std::size_t>(w)];
    const auto& item = items[i];
    internal::for_each_rule_pair(rules, item.rule, item.block, spec.link_type, table,
                                 [&](std::uint32_t a, std::uint32_t b, bool is_new) {
                                   ++st.made[item.rule];
                                   if (!is_new) return;
                                   std::uint32_t pattern = 0;
                                   for (std::size_t f = 0; f < nf; ++f) {
                                     const int l = cache[f].level(a, b);
                                     const int digit = l < 0 ? fields[f].level_count : l;
                                     pattern += static_cast<std::uint32_t>(digit) * codec.stride[f];
                                   }
                                   st.pairs.push_back({a, b, pattern});
                                   ++st.fresh[item.rule];
                                   st.patterns.add(pattern);
                                   st.rule_patterns[item.rule].add(pattern);
                                   for (std::size_t q = item.rule + 1; q < rules.size(); ++q)
                                     if (rules[q].share_key(a, b)) st.rule_patterns[q].add(pattern);
                                 });
    const std::size_t d = done_items.fetch_add(1) + 1;
    if (w == 0 && (d & 255) == 0) report("comparing", static_cast<double>(d) / static_cast<double>(items.size()));
  });
  std::unordered_map<std::uint32_t, double> all_patterns;
  std::vector<std::unordered_map<std::uint32_t, double>> rule_patterns(rules.size());
  std::uint64_t compared = 0;
  for (auto& st : state) {
    compared += st.pairs.size();
    st.patterns.for_each([&](std::uint32_t p, double c) { all_patterns[p] += c; });
    for (std::size_t r = 0; r < rules.size(); ++r)
      st.rule_patterns[r].for_each([&](std::uint32_t p, double c) { rule_patterns[r][p] += c; });
    st.patterns = PatternTally();
    st.rule_patterns.clear();
  }
  result.summary.compared_pairs = compared;
  result.blocking.resize(rules.size());
  for (std::size_t r = 0; r < rules.size(); ++r) {
    result.blocking[r].rule = rules[r].name;
    for (const auto& st : state) {
      result.blocking[r].pairs += st.made[r];
      result.blocking[r].new_pairs += st.fresh[r];
    }
  }

  // m by EM: one session per blocking rule, the rule's fields left out.
  report("estimating", 0);
  std::vector<std::vector<double>> m_sum(nf), m_init(nf);
  std::vector<double> m_weight(nf, 0);
  for (std::size_t f = 0; f < nf; ++f) {
    m_init[f] = internal::default_m(fields[f].level_count);
    m_sum[f].assign(m_init[f].size(), 0);
  }
  for (std::size_t r = 0; r < rules.size(); ++r) {
    const auto counts = to_counts(rule_patterns[r]);
    double pairs_r = 0;
    for (const auto& c : counts) pairs_r += c.count;
    if (pairs_r < 1) continue;
    std::vector<bool> used(nf);
    bool any = false;
    for (std::size_t f = 0; f < nf; ++f) {
      used[f] = !rule_fixes_field(rules[r], spec.fields[f]);
      any = any || used[f];
    }
    if (!any) continue;
    auto fit = internal::run_pattern_em(counts, codec, u, m_init, used, used, 0.05, spec.em_iterations);
    const double matches = fit.lambda * pairs_r;
    if (matches < 0.5) continue;
    for (std::size_t f = 0; f < nf; ++f) {
      if (!used[f]) continue;
      for (std::size_t l = 0; l < m_sum[f].size(); ++l) m_sum[f][l] += matches * fit.m[f][l];
      m_weight[f] += matches;
    }
  }
  std::vector<std::vector<double>> m(nf);
  std::vector<bool> never(nf), everything(nf, true);
  for (std::size_t f = 0; f < nf; ++f) {
    never[f] = m_weight[f] <= 0;
    if (never[f]) {
      m[f] = m_init[f];
    } else {
      m[f] = m_sum[f];
      for (double& v : m[f]) v /= m_weight[f];
    }
  }
  const auto global_counts = to_counts(all_patterns);
  auto global_fit = internal::run_pattern_em(global_counts, codec, u, m, everything, never, 0.05, spec.em_iterations);
  m = global_fit.m;

  LinkModel& model = result.model;
  for (std::size_t f = 0; f < nf; ++f) {
    FieldModel fm;
    fm.name = spec.fields[f].name;
    fm.level_names = fields[f].level_names;
    fm.m = m[f];
    fm.u = u[f];
    fm.m_estimated = true;  // by a rule's session or the final pass
    fm.term_frequency = fields[f].tf_levels > 0;
    model.fields.push_back(std::move(fm));
  }

  // The prior.
  double prior = 0;
  if (!spec.prior_rules.empty() && possible > 0) {
    std::vector<std::vector<std::size_t>> rule_fields;
    for (const auto& rule : spec.prior_rules) {
      std::vector<std::size_t> idx;
      for (const auto& name : rule) {
        auto it = std::find_if(spec.fields.begin(), spec.fields.end(),
                               [&](const FieldSpec& f) { return f.name == name; });
        if (it == spec.fields.end()) return fail("prior rule names '" + name + "', which is not a field");
        idx.push_back(static_cast<std::size_t>(it - spec.fields.begin()));
      }
      rule_fields.push_back(std::move(idx));
    }
    // A field agrees at its exact level; a Korean name also at "same key"
    // (the same name in another script or romanisation: the exact level
    // only catches names two sources happen to write alike, which made
    // the prior ten times too small on multi-source Korean records).
    auto agrees = [&](std::uint32_t pattern, std::size_t f) {
      const int l = codec.level(pattern, f);
      return l == 0 || (spec.fields[f].kind == ComparatorKind::kKoreanName && l == 1);
    };
    double deterministic = 0;
    for (const auto& pc : global_counts) {
      const bool hit = std::any_of(rule_fields.begin(), rule_fields.end(), [&](const auto& idx) {
        return std::all_of(idx.begin(), idx.end(), [&](std::size_t f) { return agrees(pc.pattern, f); });
      });
      if (hit) deterministic += pc.count;
    }
    if (deterministic > 0) {
      prior = deterministic / std::max(spec.prior_recall, 1e-3) / static_cast<double>(possible);
      model.prior_method = "deterministic rules";
    }
  }
  if (prior <= 0) {
    prior = global_fit.lambda * static_cast<double>(compared) / std::max<double>(1.0, static_cast<double>(possible));
    model.prior_method = "EM on blocked pairs";
  }
  model.prior = std::clamp(prior, 1e-12, 0.5);

  std::vector<std::size_t> tf_fields;
  for (std::size_t f = 0; f < nf; ++f)
    if (fields[f].tf_levels > 0) tf_fields.push_back(f);
  // log2 of each term-frequency group's share and of u, once, so that a
  // pair's adjustment log2(u / max share) costs no logarithm.
  std::vector<std::vector<double>> log2_share(nf), log2_u(nf);
  for (std::size_t f : tf_fields) {
    for (double sh : fields[f].tf_share) log2_share[f].push_back(sh > 0 ? std::log2(sh) : -HUGE_VAL);
    for (double x : u[f]) log2_u[f].push_back(std::log2(x));
  }
  auto tf_adjustment = [&](std::size_t f, int level, std::uint32_t a, std::uint32_t b) {
    const auto& field = fields[f];
    const double ls = std::max(log2_share[f][field.tf_group[field.value_of[a]]],
                               log2_share[f][field.tf_group[field.value_of[b]]]);
    if (ls == -HUGE_VAL) return 0.0;
    return log2_u[f][static_cast<std::size_t>(level)] - ls;
  };
  auto pair_tf_adjustment = [&](const PairRecord& pr) {
    double w = 0;
    for (std::size_t f : tf_fields) {
      const int l = codec.level(pr.pattern, f);
      if (l < fields[f].tf_levels) w += tf_adjustment(f, l, pr.a, pr.b);
    }
    return w;
  };

  // m (and, without deterministic rules, the prior) by one EM over all
  // candidate pairs, scored as they will be scored, started from the
  // per-rule estimates. Pairs are grouped by pattern and term-frequency
  // adjustment (rounded to 1/64 bit), so the cost grows with groups.
  if (spec.joint_em) {
    std::vector<std::unordered_map<std::uint64_t, double>> group_maps(state.size());
    internal::parallel_for(state.size(), workers, 1, [&](std::size_t s, int) {
      auto& gm = group_maps[s];
      for (const auto& pr : state[s].pairs) {
        const auto q = static_cast<std::int32_t>(std::lround(pair_tf_adjustment(pr) * 64));
        gm[(static_cast<std::uint64_t>(pr.pattern) << 32) | static_cast<std::uint32_t>(q)] += 1;
      }
    });
    std::unordered_map<std::uint64_t, double> merged;
    for (const auto& gm : group_maps)
      for (const auto& [k, c] : gm) merged[k] += c;
    std::vector<internal::AdjustedPatternCount> groups;
    groups.reserve(merged.size());
    for (const auto& [k, c] : merged)
      groups.push_back({static_cast<std::uint32_t>(k >> 32),
                        static_cast<double>(static_cast<std::int32_t>(static_cast<std::uint32_t>(k))) / 64, c});
    std::sort(groups.begin(), groups.end(), [](const auto& x, const auto& y) {
      return x.pattern != y.pattern ? x.pattern < y.pattern : x.tf_adjustment < y.tf_adjustment;
    });
    const bool fit_prior = model.prior_method != "deterministic rules";
    {
      auto joint = internal::run_joint_em(groups, codec, u, m, model.prior, fit_prior, static_cast<double>(possible),
                                          1.0, spec.em_iterations);
      m = joint.m;
      if (fit_prior) {
        model.prior = joint.prior;
        model.prior_method = "EM on all candidate pairs";
      }
      for (std::size_t f = 0; f < nf; ++f) model.fields[f].m = m[f];
    }
  }

  // Score.
  report("scoring", 0);
  std::unordered_map<std::uint32_t, double> pattern_weight;
  const double prior_w = model.prior_weight();
  for (const auto& pc : global_counts) {
    double w = prior_w;
    for (std::size_t f = 0; f < nf; ++f) {
      const int l = codec.level(pc.pattern, f);
      if (l == fields[f].level_count) continue;
      w += model.fields[f].weight(l);
    }
    pattern_weight[pc.pattern] = w;
  }
  const double floor = spec.review_floor;
  std::vector<std::vector<ScoredPair>> kept(state.size());
  std::vector<std::uint64_t> mass(state.size(), 0);  // fixed point, 2^-32 units, thread-count independent
  internal::parallel_for(state.size(), workers, 1, [&](std::size_t s, int) {
    for (const auto& pr : state[s].pairs) {
      const double w = pattern_weight.at(pr.pattern) + pair_tf_adjustment(pr);
      const double p = probability_from_weight(w);
      mass[s] += static_cast<std::uint64_t>(std::ldexp(p, 32));
      if (p >= floor) kept[s].push_back({std::min(pr.a, pr.b), std::max(pr.a, pr.b), w, p});
    }
    std::vector<PairRecord>().swap(state[s].pairs);
  });
  std::uint64_t total_mass = 0;
  for (auto& k : kept) {
    result.pairs.insert(result.pairs.end(), k.begin(), k.end());
    std::vector<ScoredPair>().swap(k);
  }
  for (auto v : mass) total_mass += v;
  std::sort(result.pairs.begin(), result.pairs.end(), [](const ScoredPair& x, const ScoredPair& y) {
    return x.left != y.left ? x.left < y.left : x.right < y.right;
  });
  result.summary.kept_pairs = result.pairs.size();
  result.summary.expected_matches = std::ldexp(static_cast<double>(total_mass), -32);

  if (spec.explain) {
    result.field_weights.resize(result.pairs.size() * nf);
    result.field_levels.resize(result.pairs.size() * nf);
    internal::parallel_for(result.pairs.size(), workers, 1024, [&](std::size_t i, int) {
      const auto& p = result.pairs[i];
      for (std::size_t f = 0; f < nf; ++f) {
        const int l = comparison_level(fields[f], p.left, p.right);
        double w = 0;
        if (l >= 0) {
          w = model.fields[f].weight(l);
          if (l < fields[f].tf_levels) w += tf_adjustment(f, l, p.left, p.right);
        }
        result.field_weights[i * nf + f] = static_cast<float>(w);
        result.field_levels[i * nf + f] = l;
      }
    });
  }

  report("clustering", 0);
  // Cross pairs the blocking never proposed (or below the review floor) are
  // scored by the model when the guard weighs a merge, not taken as 0.
  const PairScorer score_unscored = [&](std::uint32_t a, std::uint32_t b) {
    if (!internal::pair_allowed(spec.link_type, table, a, b)) return 0.0;
    double w = prior_w;
    for (std::size_t f = 0; f < nf; ++f) {
      const int l = comparison_level(fields[f], a, b);
      if (l < 0) continue;
      w += model.fields[f].weight(l);
      if (l < fields[f].tf_levels) w += tf_adjustment(f, l, a, b);
    }
    return probability_from_weight(w);
  };
  result.cluster_of = cluster_records(n, result.pairs, table.list_of, spec.threshold, spec.clustering,
                                      spec.clustering.score_unscored ? score_unscored : PairScorer{}, decisions);
  std::uint32_t entities = 0;
  for (auto c : result.cluster_of) entities = std::max(entities, c + 1);
  result.summary.entities = entities;
  std::vector<double> sizes(entities, 0);
  for (auto c : result.cluster_of) sizes[c] += 1;
  double linked = 0;
  for (double s : sizes) linked += choose2(s);
  result.summary.linked_pairs = static_cast<std::uint64_t>(linked);
  double in_mass = 0, in_count = 0;
  for (const auto& p : result.pairs)
    if (result.cluster_of[p.left] == result.cluster_of[p.right]) {
      in_mass += p.probability;
      in_count += 1;
    }
  result.summary.estimated_precision = in_count > 0 ? in_mass / in_count : 1.0;
  result.summary.estimated_recall =
      result.summary.expected_matches > 0 ? std::min(1.0, in_mass / result.summary.expected_matches) : 1.0;
  report("clustering", 1);
  return result;
}

}  // namespace uncounted::link
