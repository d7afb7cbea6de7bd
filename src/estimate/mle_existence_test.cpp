#include "estimate/mle_existence.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "base/csv_reader.h"
#include "estimate/internal/mle_existence_detail.h"

namespace uncounted {
namespace {

// counts indexed by pattern (bit j = list j), all-zero first.
CaptureTable table_of(std::vector<std::string> lists, std::vector<std::int64_t> counts) {
  auto table = CaptureTable::make(std::move(lists), std::move(counts));
  EXPECT_TRUE(table.has_value()) << (table ? "" : table.error().message());
  return *table;
}

LoglinearModel model_of(int lists, std::vector<Pattern> generators) {
  auto model = LoglinearModel::from_generators(lists, generators);
  EXPECT_TRUE(model.has_value());
  return *model;
}

CaptureTable read_mse(const std::string& name) {
  const std::string path = std::string(UNCOUNTED_SHARED_DATA) + "/mse/" + name + ".csv";
  auto csv = read_csv_file(path);
  EXPECT_TRUE(csv.has_value()) << path;
  const std::size_t k = csv->header.size() - 1;
  std::vector<std::string> lists(csv->header.begin(), csv->header.end() - 1);
  std::vector<std::int64_t> counts(std::size_t{1} << k, 0);
  for (const CsvRow& row : csv->rows) {
    Pattern p = 0;
    for (std::size_t j = 0; j < k; ++j)
      if (row.fields[j] == "1") p |= Pattern{1} << j;
    counts[p] += std::stoll(row.fields[k]);
  }
  return table_of(lists, counts);
}

constexpr Pattern kA = 1, kB = 2, kC = 4;

TEST(MleExistence, IndependenceOnPositiveTableExists) {
  //                        -   A   B  AB   C  AC  BC ABC
  const CaptureTable t = table_of({"A", "B", "C"}, {0, 30, 20, 5, 25, 6, 4, 2});
  const MleExistence e = check_mle_existence(t, LoglinearModel::independence(3));
  EXPECT_TRUE(e.exists);
  EXPECT_TRUE(e.identifiable);
  EXPECT_TRUE(e.ok());
  EXPECT_EQ(e.reason, "");
}

TEST(MleExistence, AllTwoWayOnPositiveTableExists) {
  const CaptureTable t = table_of({"A", "B", "C"}, {0, 30, 20, 5, 25, 6, 4, 2});
  const MleExistence e = check_mle_existence(t, model_of(3, {kA | kB, kA | kC, kB | kC}));
  EXPECT_TRUE(e.ok()) << e.reason;
}

TEST(MleExistence, SaturatedModelIsNotIdentifiable) {
  // 8 parameters, 7 observable cells: the fit is perfect (so the LP optimum is
  // min y > 0) but the three-way term cannot be told from the intercept.
  const CaptureTable t = table_of({"A", "B", "C"}, {0, 30, 20, 5, 25, 6, 4, 2});
  const MleExistence e = check_mle_existence(t, model_of(3, {kA | kB | kC}));
  EXPECT_TRUE(e.exists);
  EXPECT_FALSE(e.identifiable);
  EXPECT_NE(e.reason.find("not identifiable"), std::string::npos) << e.reason;
  EXPECT_NE(e.reason.find("8 parameters"), std::string::npos) << e.reason;
}

TEST(MleExistence, InteractionWithEmptyOverlapHasNoMle) {
  // No one on both A and C.
  const CaptureTable t = table_of({"A", "B", "C"}, {0, 30, 20, 5, 25, 0, 4, 0});
  EXPECT_TRUE(check_mle_existence(t, LoglinearModel::independence(3)).ok());
  EXPECT_TRUE(check_mle_existence(t, model_of(3, {kA | kB})).ok());
  const MleExistence e = check_mle_existence(t, model_of(3, {kA | kC}));
  EXPECT_FALSE(e.exists);
  EXPECT_TRUE(e.identifiable);
  EXPECT_NE(e.reason.find("lists A and C have no one in common"), std::string::npos) << e.reason;
}

TEST(MleExistence, TwoListsWithoutRecaptureHaveNoMle) {
  // Lincoln-Petersen with no one on both lists: N is infinite.
  const CaptureTable none = table_of({"A", "B"}, {0, 10, 12, 0});
  const MleExistence e = check_mle_existence(none, LoglinearModel::independence(2));
  EXPECT_FALSE(e.exists);
  EXPECT_NE(e.reason.find("{A,B}"), std::string::npos) << e.reason;
  const CaptureTable some = table_of({"A", "B"}, {0, 10, 12, 1});
  EXPECT_TRUE(check_mle_existence(some, LoglinearModel::independence(2)).ok());
}

TEST(MleExistence, ZeroCellsAloneDoNotPreventExistence) {
  // Only A, B, AB observed besides C; AC, BC, ABC empty but C has people.
  // Independence: margins leave room for every cell.
  const CaptureTable t = table_of({"A", "B", "C"}, {0, 10, 10, 3, 10, 1, 0, 0});
  EXPECT_TRUE(check_mle_existence(t, LoglinearModel::independence(3)).ok());
}

TEST(MleExistence, ModelForAnotherNumberOfLists) {
  const CaptureTable t = table_of({"A", "B"}, {0, 10, 12, 1});
  const MleExistence e = check_mle_existence(t, LoglinearModel::independence(3));
  EXPECT_FALSE(e.ok());
  EXPECT_NE(e.reason.find("3 lists"), std::string::npos);
}

// Artificial_3 (Chan, Silverman & Vincent 2021, Table 2): A 40, B 30, C 20,
// AB 6. Rcapture reports N = 1.4e13 for [12,3]; its MLE does not exist: the
// margins A + B + C - AB = n force AC, BC and ABC to zero.
TEST(MleExistence, Artificial3OnlyIndependenceHasAnMle) {
  const CaptureTable t = read_mse("Artificial_3");
  ASSERT_EQ(t.observed(), 96);
  const MleExistence m12_3 = check_mle_existence(t, model_of(3, {kA | kB}));
  EXPECT_FALSE(m12_3.exists);
  EXPECT_TRUE(m12_3.identifiable);
  EXPECT_NE(m12_3.reason.find("{A,C}, {B,C}, {A,B,C}"), std::string::npos) << m12_3.reason;

  struct Case {
    std::vector<Pattern> generators;
    bool exists;
  };
  const std::vector<Case> cases = {
      {{}, true},
      {{kA | kB}, false},
      {{kA | kC}, false},
      {{kB | kC}, false},
      {{kA | kB, kA | kC}, false},
      {{kA | kB, kB | kC}, false},
      {{kA | kC, kB | kC}, false},
      {{kA | kB, kA | kC, kB | kC}, false},
  };
  for (const Case& c : cases) {
    const LoglinearModel model = model_of(3, c.generators);
    const MleExistence e = check_mle_existence(t, model);
    EXPECT_EQ(e.exists, c.exists) << model.rcapture_name() << ": " << e.reason;
    EXPECT_TRUE(e.identifiable) << model.rcapture_name();
    EXPECT_EQ(e.reason.empty(), c.exists) << model.rcapture_name();
  }
}

// SparseMSE's extended MLE (cells of empty-overlap pairs removed), as in the
// checkident examples of its manual on Artificial_3.
TEST(MleExistence, Artificial3ExtendedDesignsAsSparseMse) {
  const CaptureTable t = read_mse("Artificial_3");
  auto check = [&t](std::vector<Pattern> generators) {
    const LoglinearModel model = model_of(3, generators);
    return internal::check_design(t, internal::extended_design(t, model), true);
  };
  // All pairs: AC and BC empty, cells AC, BC, ABC removed; 5 parameters on
  // the 4 remaining cells: not identifiable.
  const MleExistence all = check({kA | kB, kA | kC, kB | kC});
  EXPECT_FALSE(all.identifiable);
  // AB alone: the MLE does not exist (as for the ordinary MLE).
  const MleExistence ab = check({kA | kB});
  EXPECT_FALSE(ab.exists);
  EXPECT_TRUE(ab.identifiable);
  // AC and BC (both empty): passes both tests.
  const MleExistence acbc = check({kA | kC, kB | kC});
  EXPECT_TRUE(acbc.ok()) << acbc.reason;

  std::vector<Pattern> empty;
  const internal::CellDesign d =
      internal::extended_design(t, model_of(3, {kA | kC, kB | kC}), &empty);
  EXPECT_EQ(empty, (std::vector<Pattern>{kA | kC, kB | kC}));
  EXPECT_EQ(d.cells, (std::vector<Pattern>{1, 2, 3, 4}));
  EXPECT_EQ(d.columns, (std::vector<Pattern>{0, 1, 2, 4}));
}

TEST(MleExistence, EveryReferenceTableIndependenceExists) {
  for (const char* name : {"Artificial_3", "HIV", "MY5", "Ned", "Ned_5", "NewOrl", "NewOrl_5",
                           "Western", "hare", "lesbian", "spina_bifida"}) {
    const CaptureTable t = read_mse(name);
    const MleExistence e = check_mle_existence(t, LoglinearModel::independence(t.list_count()));
    EXPECT_TRUE(e.ok()) << name << ": " << e.reason;
  }
}

// Against Rcapture's closedpMS.t on every reference table (4,000 models):
// where the MLE fails to exist for a reason other than an interaction with an
// empty overlap, Rcapture's fit raised a warning too (infoFit != 0). (With an
// empty-overlap interaction R's glm drives that coefficient to about -30 and
// reports the extended fit's N without complaint.) And a model whose MLE
// exists is identifiable on these tables up to the saturated order.
TEST(MleExistence, AgreesWithRcaptureWarningsOnEveryHierarchicalModel) {
  int checked = 0;
  int forced = 0;
  for (const char* name : {"Artificial_3", "HIV", "MY5", "Ned_5", "NewOrl_5", "Western",
                           "lesbian", "spina_bifida"}) {
    const CaptureTable t = read_mse(name);
    auto csv = read_csv_file(std::string(UNCOUNTED_SHARED_DATA) + "/mse/reference/" + name +
                             "_rcapture_closedpMS.csv");
    ASSERT_TRUE(csv.has_value()) << name;
    for (const CsvRow& row : csv->rows) {
      auto model = LoglinearModel::parse(row.fields.at(0), t.lists());
      ASSERT_TRUE(model.has_value()) << name << " " << row.fields.at(0);
      const MleExistence e = check_mle_existence(t, *model);
      ++checked;
      const int info_fit = std::stoi(row.fields.at(7));
      if (!e.exists && e.reason.find("no one in common") == std::string::npos &&
          e.reason.find("no one is on all") == std::string::npos) {
        ++forced;
        EXPECT_NE(info_fit, 0) << name << " " << row.fields.at(0) << ": " << e.reason;
      }
      if (e.exists) {
        EXPECT_TRUE(e.identifiable) << name << " " << row.fields.at(0);
      }
    }
  }
  EXPECT_EQ(checked, 113 * 2 + 1024 * 4 + 8 * 2);
  EXPECT_EQ(forced, 2);  // Artificial_3 [12,3] and HIV [123,124,234]
}

}  // namespace
}  // namespace uncounted
