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

}  // namespace
}  // namespace uncounted::link
