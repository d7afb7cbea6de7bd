#include "app/estimate_json_reader.h"

#include <nlohmann/json.hpp>

#include "app/internal/json_fields.h"
#include "base/csv_reader.h"

namespace uncounted {
namespace {

using internal::Json;
using internal::member;
using internal::number;
using internal::ShapeError;
using internal::text_or_empty;

std::size_t count_or_zero(const Json& object, const char* key) {
  if (!object.contains(key) || !object.at(key).is_number_unsigned()) return 0;
  return object.at(key).get<std::size_t>();
}

TableEstimate read_table(const Json& j, const std::string& where) {
  TableEstimate t;
  t.stratum = text_or_empty(j, "stratum");
  const Json& observed = member(j, "observed", where);
  if (!observed.is_number_integer()) throw ShapeError{where + ": \"observed\" is not an integer"};
  t.observed = observed.get<std::int64_t>();
  const Json& lists = member(j, "lists", where);
  if (!lists.is_array()) throw ShapeError{where + ": \"lists\" is not an array"};
  for (const auto& l : lists) {
    if (!l.is_string()) throw ShapeError{where + ": a list name is not a string"};
    t.lists.push_back(l.get<std::string>());
  }
  const Json& estimates = member(j, "estimates", where);
  if (!estimates.is_array()) throw ShapeError{where + ": \"estimates\" is not an array"};
  for (std::size_t i = 0; i < estimates.size(); ++i) {
    const Json& e = estimates[i];
    const std::string at = where + ": estimate " + std::to_string(i + 1);
    t.estimates.push_back(internal::read_method_estimate(e, at));
  }
  t.models_considered = count_or_zero(j, "models_considered");
  t.models_without_mle = count_or_zero(j, "models_without_mle");
  t.models_unreliable = count_or_zero(j, "models_unreliable");
  if (j.contains("models_compared") && j.at("models_compared").is_array()) {
    for (const auto& row : j.at("models_compared")) {
      ModelComparisonRow m;
      m.model = text_or_empty(row, "model");
      m.n_hat = number(row, "N", where + ": models_compared");
      m.aic = number(row, "aic", where + ": models_compared");
      m.bic = number(row, "bic", where + ": models_compared");
      m.deviance = number(row, "deviance", where + ": models_compared");
      m.df = static_cast<int>(number(row, "df", where + ": models_compared"));
      t.models_compared.push_back(std::move(m));
    }
  }
  if (j.contains("warnings") && j.at("warnings").is_array())
    for (const auto& w : j.at("warnings"))
      if (w.is_string()) t.warnings.push_back(w.get<std::string>());
  return t;
}

}  // namespace

MethodEstimate internal::read_method_estimate(const Json& e, const std::string& where) {
  MethodEstimate m;
  const Json& method = member(e, "method", where);
  if (!method.is_string()) throw ShapeError{where + ": \"method\" is not a string"};
  m.method = method.get<std::string>();
  m.model = text_or_empty(e, "model");
  m.criterion = text_or_empty(e, "criterion");
  m.n_hat = number(e, "N", where);
  m.lower = number(e, "lower", where);
  if (e.contains("upper") && e.at("upper").is_number()) m.upper = e.at("upper").get<double>();
  if (e.contains("level") && e.at("level").is_number()) m.level = e.at("level").get<double>();
  m.interval = text_or_empty(e, "interval");
  m.recommended = e.contains("recommended") && e.at("recommended").is_boolean() && e.at("recommended").get<bool>();
  m.reason = text_or_empty(e, "reason");
  return m;
}

Result<EstimateReport> parse_estimate_json(const std::string& text, const std::string& file_name) {
  auto parsed = internal::parse_json_document(text, file_name);
  if (!parsed) return tl::unexpected(parsed.error());
  const Json& j = *parsed;
  try {
    EstimateReport report;
    report.total = read_table(j, file_name);
    if (j.contains("strata")) {
      if (!j.at("strata").is_array()) return fail(file_name + ": \"strata\" is not an array");
      for (std::size_t i = 0; i < j.at("strata").size(); ++i)
        report.strata.push_back(read_table(j.at("strata")[i], file_name + ": stratum " + std::to_string(i + 1)));
    }
    if (j.contains("provenance") && j.at("provenance").is_object()) {
      const Json& p = j.at("provenance");
      report.version = text_or_empty(p, "uncounted");
      if (p.contains("seed") && p.at("seed").is_number_unsigned()) report.seed = p.at("seed").get<std::uint64_t>();
      if (p.contains("dependencies") && p.at("dependencies").is_object())
        for (const auto& [name, version] : p.at("dependencies").items())
          if (version.is_string()) report.dependencies.emplace_back(name, version.get<std::string>());
    }
    return report;
  } catch (const ShapeError& e) {
    return fail(e.message);
  } catch (const Json::exception&) {
    return fail(file_name + ": a value has the wrong type");
  }
}

Result<EstimateReport> read_estimate_json(const std::string& path) {
  auto text = read_file(path);
  if (!text) return tl::unexpected(text.error());
  return parse_estimate_json(*text, path);
}

}  // namespace uncounted
