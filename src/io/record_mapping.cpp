#include "io/record_mapping.h"

#include <nlohmann/json.hpp>

#include "base/csv_reader.h"

namespace uncounted {
namespace {

std::string lower(std::string s) {
  for (auto& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

}  // namespace

Result<std::optional<RecordField>> ColumnMapping::field_for(const std::string& column) const {
  if (auto it = columns.find(column); it != columns.end()) return it->second;
  if (auto f = field_from_name(column)) return f;
  return fail("unknown column '" + column + "' (not a canonical column" +
              std::string(columns.empty() ? "; map it with --mapping FILE" : " and not in the mapping") + ")");
}

std::string ColumnMapping::map_value(RecordField field, std::string value) const {
  if (auto it = values.find(field); it != values.end() && !value.empty()) {
    if (auto v = it->second.find(lower(trim(value))); v != it->second.end()) return v->second;
  }
  if (value.empty() || trim(value).empty()) {
    if (auto d = defaults.find(field); d != defaults.end()) return d->second;
  }
  return value;
}

Result<ColumnMapping> parse_column_mapping(std::string_view text, const std::string& file_name) {
  nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object())
    return fail(file_name + ": the mapping file is not a JSON object (see `uncounted import --help`)");
  ColumnMapping m;
  auto field = [&](const std::string& name, const std::string& where) -> Result<RecordField> {
    auto f = field_from_name(name);
    if (!f) return fail(file_name + ": " + where + ": '" + name + "' is not a canonical column");
    return *f;
  };
  for (const auto& [key, value] : doc.items()) {
    if (key == "columns") {
      if (!value.is_object()) return fail(file_name + ": \"columns\" must be an object");
      for (const auto& [column, target] : value.items()) {
        if (target.is_null()) {
          m.columns[column] = std::nullopt;
        } else if (target.is_string()) {
          auto f = field(target.get<std::string>(), "columns." + column);
          if (!f) return tl::unexpected(f.error());
          m.columns[column] = *f;
        } else {
          return fail(file_name + ": columns." + column + " must be a column name or null");
        }
      }
    } else if (key == "values") {
      if (!value.is_object()) return fail(file_name + ": \"values\" must be an object");
      for (const auto& [name, map] : value.items()) {
        auto f = field(name, "values");
        if (!f) return tl::unexpected(f.error());
        if (!map.is_object()) return fail(file_name + ": values." + name + " must be an object");
        for (const auto& [from, to] : map.items()) {
          if (!to.is_string()) return fail(file_name + ": values." + name + "." + from + " must be a string");
          m.values[*f][lower(trim(from))] = to.get<std::string>();
        }
      }
    } else if (key == "defaults") {
      if (!value.is_object()) return fail(file_name + ": \"defaults\" must be an object");
      for (const auto& [name, v] : value.items()) {
        auto f = field(name, "defaults");
        if (!f) return tl::unexpected(f.error());
        if (!v.is_string()) return fail(file_name + ": defaults." + name + " must be a string");
        m.defaults[*f] = v.get<std::string>();
      }
    } else {
      return fail(file_name + ": unknown key \"" + key + "\" (expected columns, values, defaults)");
    }
  }
  return m;
}

Result<ColumnMapping> read_column_mapping(const std::string& path) {
  auto text = read_file(path);
  if (!text) return tl::unexpected(text.error());
  return parse_column_mapping(*text, path);
}

}  // namespace uncounted
