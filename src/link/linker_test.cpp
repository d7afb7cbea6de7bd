#include "link/linker.h"

#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "link/evaluation.h"
#include "link/internal/blocking_index.h"

namespace uncounted::link {
namespace {

// 400 people, 100 of them recorded twice with one typo; common surnames.
RecordTable make_table(std::vector<std::string>& truth) {
  RecordTable t;
  t.sources = {"s"};
  t.lists = {"s"};
  t.column_names = {"first", "last", "born"};
  t.columns.assign(3, {});
  auto word = [](unsigned seed, int length) {
    std::string w;
    for (int i = 0; i < length; ++i) {
      seed = seed * 1103515245u + 12345u;
      w.push_back(static_cast<char>('a' + (seed >> 16) % 26));
    }
    return w;
  };
  auto add = [&](const std::string& f, const std::string& l, int y, int person) {
    t.record_ids.push_back(std::to_string(t.record_ids.size() + 1));
    t.source_of.push_back(0);
    t.list_of.push_back(0);
    t.columns[0].push_back(f);
    t.columns[1].push_back(l);
    t.columns[2].push_back(std::to_string(y));
    truth.push_back(std::to_string(person));
  };
  for (int p = 0; p < 400; ++p) {
    const std::string f = word(static_cast<unsigned>(p) * 2 + 1, 6);
    const std::string l = word(static_cast<unsigned>(p % 60) + 1000, 7);  // 60 shared surnames
    const int y = 1930 + (p * 37) % 70;
    add(f, l, y, p);
    if (p % 8 == 0) add(f, l.substr(0, l.size() - 1) + "x", y, p);
    if (p % 8 == 4) add("x" + f.substr(1), l, y, p);
  }
  return t;
}

FieldSpec field(const std::string& name, ComparatorKind kind) {
  FieldSpec f;
  f.name = name;
  f.kind = kind;
  f.columns = {name};
  return f;
}

LinkSpec make_spec() {
  LinkSpec spec;
  FieldSpec first = field("first", ComparatorKind::kJaroWinkler);
  first.thresholds = {0.92};
  first.term_frequency = true;
  FieldSpec last = field("last", ComparatorKind::kJaroWinkler);
  last.thresholds = {0.9};
  last.term_frequency = true;
  FieldSpec born = field("born", ComparatorKind::kYear);
  born.thresholds = {1};
  spec.fields = {first, last, born};
  BlockingRule by_first, by_born;
  by_first.name = "first";
  by_first.parts = {KeyPart{"first", KeyTransform::kExact, 0}};
  by_born.name = "born";
  by_born.parts = {KeyPart{"born", KeyTransform::kExact, 0}};
  BlockingRule by_last;
  by_last.name = "last";
  by_last.parts = {KeyPart{"last", KeyTransform::kExact, 0}};
  spec.blocking = {by_first, by_born, by_last};
  spec.link_type = LinkType::kDedupeOnly;
  spec.prior_rules = {{"first", "born"}, {"last", "born"}};
  spec.threads = 2;
  return spec;
}

TEST(Linker, FindsTheDuplicates) {
  std::vector<std::string> truth;
  const auto table = make_table(truth);
  auto result = link_records(table, make_spec(), LinkResources{});
  ASSERT_TRUE(result) << result.error().message();
  const auto e = evaluate_clusters(result->cluster_of, truth);
  // Every duplicate here has exactly one error, so the per-rule EM sessions
  // see biased m (in the first-name block all matches have a last-name typo);
  // the model must stay precise, and find at least the easy half.
  EXPECT_GE(e.pairwise.precision, 0.95);
  EXPECT_GE(e.pairwise.recall, 0.5);
  EXPECT_GT(result->summary.estimated_precision, 0.8);
  ASSERT_EQ(result->blocking.size(), 3u);
  EXPECT_EQ(result->summary.compared_pairs,
            result->blocking[0].new_pairs + result->blocking[1].new_pairs + result->blocking[2].new_pairs);
}

TEST(Linker, SameResultOnOneOrTwoThreads) {
  std::vector<std::string> truth;
  const auto table = make_table(truth);
  auto spec = make_spec();
  spec.explain = true;
  auto two = link_records(table, spec, LinkResources{});
  spec.threads = 1;
  auto one = link_records(table, spec, LinkResources{});
  ASSERT_TRUE(one && two);
  EXPECT_EQ(one->cluster_of, two->cluster_of);
  ASSERT_EQ(one->pairs.size(), two->pairs.size());
  for (std::size_t i = 0; i < one->pairs.size(); ++i) EXPECT_DOUBLE_EQ(one->pairs[i].weight, two->pairs[i].weight);
  // The waterfall adds up: prior + field weights = match weight.
  const auto nf = spec.fields.size();
  for (std::size_t i = 0; i < one->pairs.size(); ++i) {
    double sum = one->model.prior_weight();
    for (std::size_t f = 0; f < nf; ++f) sum += one->field_weights[i * nf + f];
    EXPECT_NEAR(sum, one->pairs[i].weight, 1e-3);
  }
}

TEST(Linker, CountsPairsWithoutComparing) {
  std::vector<std::string> truth;
  const auto table = make_table(truth);
  auto counts = count_candidate_pairs(table, make_spec(), LinkResources{});
  ASSERT_TRUE(counts);
  auto result = link_records(table, make_spec(), LinkResources{});
  ASSERT_TRUE(result);
  for (std::size_t r = 0; r < counts->size(); ++r) {
    EXPECT_EQ((*counts)[r].pairs, result->blocking[r].pairs);
    EXPECT_EQ((*counts)[r].new_pairs, result->blocking[r].new_pairs);
  }
}

TEST(Linker, MissingColumnIsAnError) {
  std::vector<std::string> truth;
  const auto table = make_table(truth);
  auto spec = make_spec();
  spec.fields[0].columns = {"nope"};
  auto result = link_records(table, spec, LinkResources{});
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message().find("column 'nope'"), std::string::npos);
}

TEST(Linker, KoreanNameNeedsTables) {
  std::vector<std::string> truth;
  const auto table = make_table(truth);
  auto spec = make_spec();
  spec.fields[0].kind = ComparatorKind::kKoreanName;
  spec.fields[0].full_column = "first";
  EXPECT_FALSE(link_records(table, spec, LinkResources{}));
}

void expect_same_pairs(const LinkResult& x, const LinkResult& y) {
  ASSERT_EQ(x.pairs.size(), y.pairs.size());
  for (std::size_t i = 0; i < x.pairs.size(); ++i) {
    EXPECT_EQ(x.pairs[i].left, y.pairs[i].left);
    EXPECT_EQ(x.pairs[i].right, y.pairs[i].right);
    EXPECT_EQ(x.pairs[i].weight, y.pairs[i].weight);
    EXPECT_EQ(x.pairs[i].probability, y.pairs[i].probability);
  }
}

TEST(LinkerClerical, NoDecisionsIsTheOldOverload) {
  std::vector<std::string> truth;
  const auto table = make_table(truth);
  for (auto method : {ClusterMethod::kGuarded, ClusterMethod::kComponents}) {
    auto spec = make_spec();
    spec.clustering.method = method;
    auto old_way = link_records(table, spec, LinkResources{});
    auto new_way = link_records(table, spec, LinkResources{}, std::vector<ClericalDecision>{});
    ASSERT_TRUE(old_way && new_way);
    EXPECT_EQ(old_way->cluster_of, new_way->cluster_of);
    expect_same_pairs(*old_way, *new_way);
    EXPECT_EQ(old_way->summary.entities, new_way->summary.entities);
    EXPECT_EQ(old_way->summary.linked_pairs, new_way->summary.linked_pairs);
    EXPECT_EQ(new_way->summary.must_links, 0u);
    EXPECT_EQ(new_way->summary.cannot_links, 0u);
  }
}

TEST(LinkerClerical, DecisionsChangeEntitiesNotScores) {
  std::vector<std::string> truth;
  const auto table = make_table(truth);
  for (auto method : {ClusterMethod::kGuarded, ClusterMethod::kComponents}) {
    SCOPED_TRACE(method == ClusterMethod::kGuarded ? "guarded" : "components");
    auto spec = make_spec();
    spec.clustering.method = method;
    auto base = link_records(table, spec, LinkResources{});
    ASSERT_TRUE(base);
    // A linked pair (to split) and a kept pair below the threshold whose
    // records are in different entities (to join).
    const ScoredPair* strong = nullptr;
    const ScoredPair* weak = nullptr;
    for (const auto& p : base->pairs) {
      const bool together = base->cluster_of[p.left] == base->cluster_of[p.right];
      if (!strong && together && p.probability >= spec.threshold) strong = &p;
      if (!weak && !together && p.probability < spec.threshold) weak = &p;
    }
    ASSERT_TRUE(strong && weak);
    const std::vector<ClericalDecision> decisions = {{strong->right, strong->left, false},
                                                     {weak->left, weak->right, true},
                                                     {weak->right, weak->left, true}};  // a repeat counts once
    auto decided = link_records(table, spec, LinkResources{}, decisions);
    ASSERT_TRUE(decided) << decided.error().message();
    EXPECT_NE(decided->cluster_of[strong->left], decided->cluster_of[strong->right]);
    EXPECT_EQ(decided->cluster_of[weak->left], decided->cluster_of[weak->right]);
    expect_same_pairs(*base, *decided);
    EXPECT_EQ(decided->summary.must_links, 1u);
    EXPECT_EQ(decided->summary.cannot_links, 1u);
    // Not dependent on the number of threads.
    spec.threads = 1;
    auto one = link_records(table, spec, LinkResources{}, decisions);
    ASSERT_TRUE(one);
    EXPECT_EQ(one->cluster_of, decided->cluster_of);
  }
}

TEST(LinkerClerical, ConflictingDecisionsAreAnError) {
  std::vector<std::string> truth;
  const auto table = make_table(truth);
  // 10-11 and 11-12 must-link, but 12 and 10 cannot-link.
  auto result = link_records(table, make_spec(), LinkResources{}, {{10, 11, true}, {12, 11, true}, {12, 10, false}});
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message().find("record indices 10 and 12"), std::string::npos) << result.error().message();
  // One pair decided both ways.
  result = link_records(table, make_spec(), LinkResources{}, {{3, 4, true}, {4, 3, false}});
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message().find("record indices 3 and 4"), std::string::npos) << result.error().message();
}

TEST(LinkerClerical, InvalidDecisionsAreAnError) {
  std::vector<std::string> truth;
  const auto table = make_table(truth);
  const auto n = static_cast<std::uint32_t>(table.size());
  auto out_of_range = link_records(table, make_spec(), LinkResources{}, {{0, 1, true}, {n, 0, false}});
  ASSERT_FALSE(out_of_range);
  EXPECT_NE(out_of_range.error().message().find("decision 2"), std::string::npos);
  EXPECT_NE(out_of_range.error().message().find(std::to_string(n)), std::string::npos);
  auto itself = link_records(table, make_spec(), LinkResources{}, {{5, 5, true}});
  ASSERT_FALSE(itself);
  EXPECT_NE(itself.error().message().find("itself"), std::string::npos);
}

}  // namespace
// year_window: records born at most one year apart share a key (a year
// field's value, here from the column); two years apart they do not.
TEST(Linker, YearWindowBlocksYearsOneApart) {
  RecordTable t;
  t.sources = {"s"};
  t.lists = {"s"};
  t.column_names = {"born"};
  t.columns.assign(1, {});
  for (int y : {1970, 1971, 1973, 1973}) {
    t.record_ids.push_back(std::to_string(t.record_ids.size() + 1));
    t.source_of.push_back(0);
    t.list_of.push_back(0);
    t.columns[0].push_back(std::to_string(y));
  }
  LinkSpec spec;
  spec.fields = {field("born", ComparatorKind::kYear)};
  BlockingRule rule;
  rule.name = "born ±1";
  rule.parts = {KeyPart{"born", KeyTransform::kYearWindow, 0}};
  spec.blocking = {rule};
  auto counts = count_candidate_pairs(t, spec, LinkResources{});
  ASSERT_TRUE(counts) << counts.error().message();
  ASSERT_EQ(counts->size(), 1u);
  EXPECT_EQ((*counts)[0].new_pairs, 2u);  // 1970-1971 and 1973-1973
  EXPECT_EQ((*counts)[0].pairs, 2u);      // 1973-1973 share both their keys, and count once
}

// 30 records alike: a rule giving each record two keys (year_window: 1970
// and 1971) makes 435 pairs, not 870 (each pair shares both keys).
TEST(Linker, RuleWithSeveralKeysCountsEachPairOnce) {
  RecordTable t;
  t.sources = {"s"};
  t.lists = {"s"};
  t.column_names = {"born", "last"};
  t.columns.assign(2, {});
  for (int i = 0; i < 30; ++i) {
    t.record_ids.push_back(std::to_string(i + 1));
    t.source_of.push_back(0);
    t.list_of.push_back(0);
    t.columns[0].push_back("1970");
    t.columns[1].push_back("kim");
  }
  LinkSpec spec;
  spec.fields = {field("born", ComparatorKind::kYear), field("last", ComparatorKind::kExact)};
  spec.blocking = {{"last", {KeyPart{"last", KeyTransform::kExact, 0}}},
                   {"born ±1", {KeyPart{"born", KeyTransform::kYearWindow, 0}}},
                   {"last & born ±1", {KeyPart{"last", KeyTransform::kExact, 0},
                                       KeyPart{"born", KeyTransform::kYearWindow, 0}}}};
  auto counts = count_candidate_pairs(t, spec, LinkResources{});
  ASSERT_TRUE(counts) << counts.error().message();
  auto linked = link_records(t, spec, LinkResources{});
  ASSERT_TRUE(linked) << linked.error().message();
  for (std::size_t r = 0; r < 3; ++r) {
    SCOPED_TRACE(spec.blocking[r].name);
    EXPECT_EQ((*counts)[r].pairs, 435u);
    EXPECT_EQ((*counts)[r].new_pairs, r == 0 ? 435u : 0u);
    EXPECT_TRUE((*counts)[r].pairs_exact && (*counts)[r].new_pairs_exact);
    EXPECT_EQ(linked->blocking[r].pairs, 435u);
    EXPECT_EQ(linked->blocking[r].new_pairs, r == 0 ? 435u : 0u);
  }
  // With less work allowed, the pairs of each rule are still exact and the
  // new pairs of the later rules upper bounds (the first rule's new pairs
  // are its pairs); with none, the pairs of the rules with two keys are
  // upper bounds too (every pair counted once per key).
  auto some = count_candidate_pairs(t, spec, LinkResources{}, 800);
  ASSERT_TRUE(some);
  for (std::size_t r = 0; r < 3; ++r) {
    EXPECT_EQ((*some)[r].pairs, 435u);
    EXPECT_TRUE((*some)[r].pairs_exact);
    EXPECT_EQ((*some)[r].new_pairs, 435u);
    EXPECT_EQ((*some)[r].new_pairs_exact, r == 0);
  }
  auto none = count_candidate_pairs(t, spec, LinkResources{}, 0);
  ASSERT_TRUE(none);
  for (std::size_t r = 0; r < 3; ++r) {
    EXPECT_EQ((*none)[r].pairs, r == 0 ? 435u : 870u);
    EXPECT_EQ((*none)[r].pairs_exact, r == 0);
    EXPECT_EQ((*none)[r].new_pairs, (*none)[r].pairs);
    EXPECT_EQ((*none)[r].new_pairs_exact, r == 0);
  }
  // Enough for the new pairs of the first two rules (the first rule's need
  // no work): the third rule's alone are a bound.
  auto most = count_candidate_pairs(t, spec, LinkResources{}, 720 + 675);
  ASSERT_TRUE(most);
  EXPECT_TRUE((*most)[1].new_pairs_exact);
  EXPECT_EQ((*most)[1].new_pairs, 0u);
  EXPECT_FALSE((*most)[2].new_pairs_exact);
}

// Records of three sources, rules with one key and with several keys per
// record: for each link type, the counts are those of a brute force over
// every pair. count_candidate_pairs tallies key sets in its large blocks
// and enumerates the small ones; link_records enumerates every block.
TEST(Linker, PairCountsMatchABruteForce) {
  RecordTable t;
  t.sources = {"a", "b", "c"};
  t.lists = t.sources;
  t.column_names = {"born", "town", "year"};
  t.columns.assign(3, {});
  unsigned seed = 7;
  auto next = [&seed](unsigned n) {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) % n;
  };
  for (int i = 0; i < 600; ++i) {
    t.record_ids.push_back(std::to_string(i + 1));
    const auto source = next(3);
    t.source_of.push_back(source);
    t.list_of.push_back(source);
    t.columns[0].push_back(next(10) == 0 ? "" : std::to_string(1950 + next(6)));
    t.columns[1].push_back(next(10) == 0 ? "" : std::string(1, static_cast<char>('p' + next(4))));
    t.columns[2].push_back(std::to_string(1900 + next(40)));
  }
  LinkSpec spec;
  spec.fields = {field("born", ComparatorKind::kYear), field("town", ComparatorKind::kExact),
                 field("year", ComparatorKind::kYear)};
  const KeyPart town{"town", KeyTransform::kExact, 0};
  const KeyPart born{"born", KeyTransform::kYearWindow, 0};
  const KeyPart year{"year", KeyTransform::kYearWindow, 0};
  spec.blocking = {{"town", {town}}, {"born", {born}}, {"town & year", {town, year}}, {"year", {year}}};
  spec.threads = 2;
  // Each record's keys under each rule, as the rules' definitions say.
  auto window = [&](std::size_t column, std::size_t r) -> std::vector<std::string> {
    const auto& v = t.columns[column][r];
    if (v.empty()) return {};
    return {v, std::to_string(std::stoi(v) + 1)};
  };
  auto keys = [&](std::size_t rule, std::size_t r) -> std::vector<std::string> {
    const auto& place = t.columns[1][r];
    switch (rule) {
      case 0:
        return place.empty() ? std::vector<std::string>{} : std::vector<std::string>{place};
      case 1:
        return window(0, r);
      case 2: {
        std::vector<std::string> out;
        if (!place.empty())
          for (const auto& y : window(2, r)) out.push_back(place + "/" + y);
        return out;
      }
      default:
        return window(2, r);
    }
  };
  for (auto type : {LinkType::kDedupeAndLink, LinkType::kLinkOnly, LinkType::kDedupeOnly}) {
    SCOPED_TRACE(static_cast<int>(type));
    spec.link_type = type;
    std::vector<std::uint64_t> made(4, 0), fresh(4, 0);
    for (std::size_t a = 0; a < t.size(); ++a)
      for (std::size_t b = a + 1; b < t.size(); ++b) {
        const bool same_source = t.source_of[a] == t.source_of[b];
        if ((type == LinkType::kLinkOnly && same_source) || (type == LinkType::kDedupeOnly && !same_source)) continue;
        bool earlier = false;
        for (std::size_t rule = 0; rule < 4; ++rule) {
          const auto ka = keys(rule, a);
          const auto kb = keys(rule, b);
          const bool share = std::any_of(ka.begin(), ka.end(), [&](const std::string& k) {
            return std::find(kb.begin(), kb.end(), k) != kb.end();
          });
          if (!share) continue;
          ++made[rule];
          if (!earlier) ++fresh[rule];
          earlier = true;
        }
      }
    auto counts = count_candidate_pairs(t, spec, LinkResources{});
    ASSERT_TRUE(counts) << counts.error().message();
    auto linked = link_records(t, spec, LinkResources{});
    ASSERT_TRUE(linked) << linked.error().message();
    for (std::size_t rule = 0; rule < 4; ++rule) {
      SCOPED_TRACE(spec.blocking[rule].name);
      EXPECT_EQ((*counts)[rule].pairs, made[rule]);
      EXPECT_EQ((*counts)[rule].new_pairs, fresh[rule]);
      EXPECT_TRUE((*counts)[rule].pairs_exact && (*counts)[rule].new_pairs_exact);
      EXPECT_EQ(linked->blocking[rule].pairs, made[rule]);
      EXPECT_EQ(linked->blocking[rule].new_pairs, fresh[rule]);
    }
    // Block by block, the tally agrees with the enumeration.
    std::vector<internal::PreparedField> fields;
    for (const auto& f : spec.fields) {
      auto p = internal::prepare_field(f, t, LinkResources{});
      ASSERT_TRUE(p) << p.error().message();
      fields.push_back(std::move(*p));
    }
    auto rules = internal::build_blocking(spec.blocking, t, fields, 1);
    ASSERT_TRUE(rules) << rules.error().message();
    for (std::size_t rule = 0; rule < rules->size(); ++rule)
      for (std::size_t block = 0; block < (*rules)[rule].block_count(); ++block) {
        std::uint64_t pairs = 0, new_pairs = 0;
        internal::for_each_rule_pair(*rules, rule, block, type, t, [&](std::uint32_t, std::uint32_t, bool is_new) {
          ++pairs;
          new_pairs += is_new;
        });
        EXPECT_EQ(internal::count_block_pairs(*rules, rule, block, false, type, t, 1 << 20), pairs);
        EXPECT_EQ(internal::count_block_pairs(*rules, rule, block, true, type, t, 1 << 20), new_pairs);
      }
    EXPECT_FALSE(internal::count_block_pairs(*rules, 3, 0, true, type, t, 1));  // the tally outgrows its limit
  }
}

}  // namespace uncounted::link
