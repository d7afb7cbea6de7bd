#include "app/estimate_json_reader.h"

#include <nlohmann/json.hpp>

#include "base/csv_reader.h"

namespace uncounted {
namespace {

using Json = nlohmann::json;

// Thrown only inside this file, turned into an Error at its edge.
struct ShapeError {
  std::string message;
};

const Json& member(const Json& object, const char* key, const std::string& where) {
  if (!object.is_object() || !object.contains(key)) throw ShapeError{where + ": \"" + key + "\" is missing"};
  return object.at(key);
}

double number(const Json& object, const char* key, const std::string& where) {
  const Json& v = member(object, key, where);
  if (!v.is_number()) throw ShapeError{where + ": \"" + key + "\" is not a number"};
  return v.get<double>();
}

std::string text_or_empty(const Json& object, const char* key) {
  if (!object.contains(key) || !object.at(key).is_string()) return {};
  return object.at(key).get<std::string>();
}

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
    MethodEstimate m;
    const Json& method = member(e, "method", at);
    if (!method.is_string()) throw ShapeError{at + ": \"method\" is not a string"};
    m.method = method.get<std::string>();
    m.model = text_or_empty(e, "model");
    m.criterion = text_or_empty(e, "criterion");
    m.n_hat = number(e, "N", at);
    m.lower = number(e, "lower", at);
    if (e.contains("upper") && e.at("upper").is_number()) m.upper = e.at("upper").get<double>();
    if (e.contains("level") && e.at("level").is_number()) m.level = e.at("level").get<double>();
    m.interval = text_or_empty(e, "interval");
    m.recommended = e.contains("recommended") && e.at("recommended").is_boolean() && e.at("recommended").get<bool>();
    m.reason = text_or_empty(e, "reason");
    t.estimates.push_back(std::move(m));
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

Result<EstimateReport> parse_estimate_json(const std::string& text, const std::string& file_name) {
  Json j;
  try {
    j = Json::parse(text);
  } catch (const Json::parse_error& e) {
    // e.what() may quote the text; the byte offset is enough to find it.
    return fail(file_name + ": not valid JSON (at byte " + std::to_string(e.byte) + ")");
  } catch (const Json::out_of_range&) {  // a number beyond a double's range
    return fail(file_name + ": not valid JSON (a number is too large)");
  }
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
