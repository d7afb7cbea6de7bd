// Reading the JSON files uncounted writes itself (estimate.json,
// sensitivity.json) back: parsing without quoting the text in errors, and
// the typed field accessors the readers share. A missing or mistyped field
// throws ShapeError, which each reader turns into an Error at its edge.
//
// Thread safety: pure functions.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "app/population_estimate.h"
#include "base/result.h"

namespace uncounted::internal {

using Json = nlohmann::json;

struct ShapeError {
  std::string message;
};

// The parsed document. Error (naming `file_name` and a byte offset, never
// the text): not JSON, or a number beyond a double's range.
inline Result<Json> parse_json_document(const std::string& text, const std::string& file_name) {
  try {
    return Json::parse(text);
  } catch (const Json::parse_error& e) {
    return fail(file_name + ": not valid JSON (at byte " + std::to_string(e.byte) + ")");
  } catch (const Json::out_of_range&) {  // nlohmann reports number overflow so, not as a parse_error
    return fail(file_name + ": not valid JSON (a number is too large)");
  }
}

inline const Json& member(const Json& object, const char* key, const std::string& where) {
  if (!object.is_object() || !object.contains(key)) throw ShapeError{where + ": \"" + key + "\" is missing"};
  return object.at(key);
}

inline double number(const Json& object, const char* key, const std::string& where) {
  const Json& v = member(object, key, where);
  if (!v.is_number()) throw ShapeError{where + ": \"" + key + "\" is not a number"};
  return v.get<double>();
}

inline std::string text_or_empty(const Json& object, const char* key) {
  if (!object.contains(key) || !object.at(key).is_string()) return {};
  return object.at(key).get<std::string>();
}

// One estimate object as format_estimate_json writes it ("method", "N",
// "lower", optional "upper" and "level", texts); defined in
// estimate_json_reader.cpp. Throws ShapeError.
MethodEstimate read_method_estimate(const Json& object, const std::string& where);

}  // namespace uncounted::internal
