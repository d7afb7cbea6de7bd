// Test-only helpers: read the shared MSE datasets and Rcapture reference
// tables (UNCOUNTED_SHARED_DATA/mse). Header-only and included only by
// *_test.cpp files, so the estimate library itself does no I/O. Capture
// tables are parsed here with parse_csv rather than io's reader, because io
// depends on estimate.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/csv_reader.h"
#include "estimate/capture_table.h"

#ifndef UNCOUNTED_SHARED_DATA
#define UNCOUNTED_SHARED_DATA "../shared/data"
#endif

namespace uncounted::testing_reference {

inline std::string mse_dir() {
  const char* env = std::getenv("UNCOUNTED_SHARED_DATA");
  return std::string(env != nullptr && *env != '\0' ? env : UNCOUNTED_SHARED_DATA) + "/mse";
}

// Aggregated histories "L1,...,Lk,count" -> CaptureTable (first column = bit 0).
inline Result<CaptureTable> read_table(const std::string& dataset) {
  auto csv = read_csv_file(mse_dir() + "/" + dataset + ".csv");
  if (!csv) return tl::unexpected(csv.error());
  const std::size_t k = csv->header.size() - 1;
  std::vector<std::string> lists(csv->header.begin(), csv->header.end() - 1);
  std::vector<std::int64_t> counts(std::size_t{1} << k, 0);
  for (const auto& row : csv->rows) {
    Pattern p = 0;
    for (std::size_t j = 0; j < k; ++j)
      if (row.fields.at(j) == "1") p |= Pattern{1} << j;
    counts[p] += std::stoll(row.fields.at(k));
  }
  return CaptureTable::make(std::move(lists), std::move(counts));
}

struct ReferenceRow {
  std::string name;
  double abundance = 0, stderr_ = 0, deviance = 0, df = 0, aic = 0, bic = 0;
  int info_fit = 0;
};

inline double parse_number(const std::string& s) {
  if (s == "NA" || s.empty()) return std::numeric_limits<double>::quiet_NaN();
  if (s == "Inf") return std::numeric_limits<double>::infinity();
  return std::stod(s);
}

// *_rcapture_closedp.csv / *_rcapture_closedpMS.csv; empty if absent.
inline std::vector<ReferenceRow> read_rcapture(const std::string& dataset, const std::string& kind) {
  std::vector<ReferenceRow> out;
  auto csv = read_csv_file(mse_dir() + "/reference/" + dataset + "_rcapture_" + kind + ".csv");
  if (!csv) return out;
  for (const auto& row : csv->rows) {
    ReferenceRow r;
    r.name = row.fields.at(0);
    r.abundance = parse_number(row.fields.at(1));
    r.stderr_ = parse_number(row.fields.at(2));
    r.deviance = parse_number(row.fields.at(3));
    r.df = parse_number(row.fields.at(4));
    r.aic = parse_number(row.fields.at(5));
    r.bic = parse_number(row.fields.at(6));
    r.info_fit = static_cast<int>(parse_number(row.fields.at(7)));
    out.push_back(r);
  }
  return out;
}

struct Anchor {
  std::string method;
  double estimate = 0, lo = 0, hi = 0;  // NaN when NA
  std::string note;
};

inline std::vector<Anchor> read_anchors(const std::string& dataset) {
  std::vector<Anchor> out;
  auto csv = read_csv_file(mse_dir() + "/reference/" + dataset + "_anchors.csv");
  if (!csv) return out;
  for (const auto& row : csv->rows) {
    Anchor a;
    a.method = row.fields.at(1);
    a.estimate = parse_number(row.fields.at(2));
    a.lo = parse_number(row.fields.at(3));
    a.hi = parse_number(row.fields.at(4));
    a.note = row.fields.at(6);
    out.push_back(a);
  }
  return out;
}

inline std::optional<Anchor> find_anchor(const std::vector<Anchor>& anchors, const std::string& prefix) {
  for (const auto& a : anchors)
    if (a.method.rfind(prefix, 0) == 0) return a;
  return std::nullopt;
}

// Every dataset in the shared folder, and those with closedpMS references.
inline const std::vector<std::string>& all_datasets() {
  static const std::vector<std::string> names = {"Artificial_3", "HIV",      "MY5",    "Ned",
                                                 "Ned_5",        "NewOrl",   "NewOrl_5", "Western",
                                                 "hare",         "lesbian",  "spina_bifida"};
  return names;
}

}  // namespace uncounted::testing_reference
