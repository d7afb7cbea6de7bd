#include "link/linker.h"

#include <gtest/gtest.h>

#include "link/evaluation.h"

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
}

}  // namespace uncounted::link
