#include "app/sensitivity_json.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "app/internal/json_fields.h"
#include "app/report_estimates.h"
#include "base/csv_reader.h"

namespace uncounted {
namespace {

using internal::Json;
using internal::member;
using internal::number;
using internal::ShapeError;
using internal::text_or_empty;
using OrderedJson = nlohmann::ordered_json;

std::int64_t count(const Json& object, const char* key, const std::string& where) {
  const Json& v = member(object, key, where);
  if (!v.is_number_integer()) throw ShapeError{where + ": \"" + key + "\" is not an integer"};
  const auto value = v.get<std::int64_t>();
  if (value < 0) throw ShapeError{where + ": \"" + key + "\" is negative"};
  return value;
}

report::EstimateRow read_estimate(const Json& e, const std::string& where) {
  return estimate_row(internal::read_method_estimate(e, where));
}

double probability(const Json& object, const char* key, const std::string& where) {
  const double t = number(object, key, where);
  if (!(t > 0 && t < 1)) throw ShapeError{where + ": \"" + key + "\" is not strictly between 0 and 1"};
  return t;
}

}  // namespace

std::string format_sensitivity_json(const report::LinkageSensitivity& s) {
  OrderedJson j;
  j["run_threshold"] = s.run_threshold;
  if (s.seed) j["seed"] = *s.seed;
  j["rows"] = OrderedJson::array();
  for (const auto& r : s.rows) {
    OrderedJson row;
    row["threshold"] = r.threshold;
    row["entities"] = r.entities;
    row["documented"] = r.documented;
    row["estimates"] = OrderedJson::array();
    for (const auto& e : r.estimates) {
      OrderedJson x;
      x["method"] = e.method;
      x["model"] = e.model;
      if (!e.criterion.empty()) x["criterion"] = e.criterion;
      x["N"] = e.n_hat;
      x["lower"] = e.lower;
      x["upper"] = e.upper ? OrderedJson(*e.upper) : OrderedJson(nullptr);
      x["level"] = e.level;
      x["interval"] = e.interval;
      x["recommended"] = e.recommended;
      if (e.recommended) x["reason"] = e.reason;
      row["estimates"].push_back(std::move(x));
    }
    j["rows"].push_back(std::move(row));
  }
  // Inputs are checked to be UTF-8; should anything slip through, a
  // replacement character is written rather than the program aborting.
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

Result<report::LinkageSensitivity> parse_sensitivity_json(const std::string& text, const std::string& file_name) {
  auto parsed = internal::parse_json_document(text, file_name);
  if (!parsed) return tl::unexpected(parsed.error());
  const Json& j = *parsed;
  try {
    report::LinkageSensitivity s;
    s.run_threshold = probability(j, "run_threshold", file_name);
    if (j.contains("seed") && j.at("seed").is_number_unsigned()) s.seed = j.at("seed").get<std::uint64_t>();
    const Json& rows = member(j, "rows", file_name);
    if (!rows.is_array()) throw ShapeError{file_name + ": \"rows\" is not an array"};
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const Json& r = rows[i];
      const std::string where = file_name + ": row " + std::to_string(i + 1);
      report::SensitivityRow row;
      row.threshold = probability(r, "threshold", where);
      row.entities = count(r, "entities", where);
      row.documented = r.contains("documented") ? count(r, "documented", where) : row.entities;
      const Json& estimates = member(r, "estimates", where);
      if (!estimates.is_array()) throw ShapeError{where + ": \"estimates\" is not an array"};
      for (std::size_t k = 0; k < estimates.size(); ++k)
        row.estimates.push_back(read_estimate(estimates[k], where + ": estimate " + std::to_string(k + 1)));
      s.rows.push_back(std::move(row));
    }
    std::stable_sort(s.rows.begin(), s.rows.end(),
                     [](const auto& a, const auto& b) { return a.threshold < b.threshold; });
    return s;
  } catch (const ShapeError& e) {
    return fail(e.message);
  } catch (const Json::exception&) {
    return fail(file_name + ": a value has the wrong type");
  }
}

Result<report::LinkageSensitivity> read_sensitivity_json(const std::string& path) {
  auto text = read_file(path);
  if (!text) return tl::unexpected(text.error());
  return parse_sensitivity_json(*text, path);
}

}  // namespace uncounted
