#include "io/link_config.h"

#include <cmath>
#include <limits>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "base/csv_reader.h"

namespace uncounted {
namespace {

using nlohmann::json;

// Where `"key"` first occurs in the text (1-based line and column), or a
// member of one object or an element of one array, for messages about them.
class Locator {
 public:
  Locator(std::string_view text, std::string file) : text_(text), file_(std::move(file)) {}
  SourceLocation at(const std::string& key) const {
    const std::string needle = "\"" + key + "\"";
    const auto pos = text_.find(needle);
    return pos == std::string_view::npos ? SourceLocation{file_, 0, 0} : position(pos);
  }
  // The offset of the member `"key":` at or after `from` (a string value
  // spelt like the key is not followed by a colon), or npos.
  std::size_t member(const std::string& key, std::size_t from) const {
    const std::string needle = "\"" + key + "\"";
    for (auto pos = text_.find(needle, from); pos != std::string_view::npos; pos = text_.find(needle, pos + 1)) {
      auto i = pos + needle.size();
      while (i < text_.size() && is_space(text_[i])) ++i;
      if (i < text_.size() && text_[i] == ':') return pos;
    }
    return std::string_view::npos;
  }
  // The offsets of the elements of the array that is the value of the
  // member at `key_offset` (the text is valid JSON: it has been parsed).
  std::vector<std::size_t> elements(std::size_t key_offset) const {
    std::vector<std::size_t> out;
    auto i = text_.find('[', key_offset);
    if (i == std::string_view::npos) return out;
    ++i;
    int depth = 0;
    bool in_string = false, at_element = true;
    for (; i < text_.size(); ++i) {
      const char c = text_[i];
      if (in_string) {
        if (c == '\\')
          ++i;
        else if (c == '"')
          in_string = false;
        continue;
      }
      if (is_space(c)) continue;
      if (depth == 0 && c == ']') break;
      if (depth == 0 && c == ',') {
        at_element = true;
        continue;
      }
      if (at_element) {
        out.push_back(i);
        at_element = false;
      }
      if (c == '"')
        in_string = true;
      else if (c == '[' || c == '{')
        ++depth;
      else if (c == ']' || c == '}')
        --depth;
    }
    return out;
  }
  SourceLocation position(std::size_t offset) const {
    long line = 1, column = 1;
    for (std::size_t i = 0; i < offset && i < text_.size(); ++i) {
      if (text_[i] == '\n') {
        ++line;
        column = 1;
      } else if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) {
        ++column;
      }
    }
    return {file_, line, column};
  }
  const std::string& file() const { return file_; }

 private:
  static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
  std::string_view text_;
  std::string file_;
};

struct Parser {
  const Locator& where;
  LinkConfig config;
  std::size_t field_offset = std::string_view::npos;  // where the field being read begins

  tl::unexpected<Error> error(const std::string& key, const std::string& message) const {
    return fail(where.at(key), message);
  }

  // At the member `key` of the field being read (the first `"key"` in the
  // text when that is not known).
  tl::unexpected<Error> field_error(const std::string& key, const std::string& message) const {
    const auto pos = field_offset == std::string_view::npos ? field_offset : where.member(key, field_offset);
    return pos == std::string_view::npos ? error(key, message) : fail(where.position(pos), message);
  }

  // At element `index` of the field's "levels" array.
  tl::unexpected<Error> level_error(std::size_t index, const std::string& message) const {
    const auto key = field_offset == std::string_view::npos ? field_offset : where.member("levels", field_offset);
    if (key == std::string_view::npos) return error("levels", message);
    const auto elements = where.elements(key);
    return fail(where.position(index < elements.size() ? elements[index] : key), message);
  }

  Status check_keys(const json& object, const std::set<std::string>& allowed, const std::string& what) const {
    if (!object.is_object()) return error(what, what + ": must be a JSON object");
    for (const auto& [k, v] : object.items())
      if (!allowed.count(k)) return error(k, what + ": unknown key '" + k + "'");
    return {};
  }

  Result<std::string> string_value(const json& object, const std::string& key) const {
    const auto& v = object.at(key);
    if (!v.is_string() || v.get<std::string>().empty()) return error(key, "'" + key + "' must be a non-empty string");
    return v.get<std::string>();
  }

  Result<double> number_value(const json& object, const std::string& key, double lo, double hi) const {
    const auto& v = object.at(key);
    if (!v.is_number()) return error(key, "'" + key + "' must be a number");
    const double d = v.get<double>();
    if (!(d >= lo && d <= hi))
      return error(key, "'" + key + "' must be between " + std::to_string(lo) + " and " + std::to_string(hi));
    return d;
  }

  // A count, a length or a seed: written as a whole number (1000, not 1000.5
  // or 1e3, which would be truncated silently) from lo to hi.
  Result<std::uint64_t> whole_number_value(const json& object, const std::string& key, std::uint64_t lo,
                                           std::uint64_t hi) const {
    const auto& v = object.at(key);
    const std::string expected =
        "'" + key + "' must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi);
    if (!v.is_number_integer()) return error(key, expected);
    if (v.is_number_unsigned() ? false : v.get<std::int64_t>() < 0) return error(key, expected);
    const std::uint64_t n = v.get<std::uint64_t>();
    if (n < lo || n > hi) return error(key, expected);
    return n;
  }

  void use_column(const std::string& column, const std::string& key) {
    config.columns.emplace(column, where.at(key.empty() ? column : key));
  }

  // A field's "levels", checked against what its comparator does with them
  // (compare_level in link/internal/prepared_field.cpp): a level that no
  // pair can reach, or levels out of order, would still get an m, a u and a
  // weight, and silently change the linkage.
  Result<std::vector<double>> levels(const json& v, const link::FieldSpec& spec) const {
    using link::ComparatorKind;
    const std::string field = "field '" + spec.name + "': ";
    const std::string kind = link::to_string(spec.kind);
    struct Rule {
      double lo, hi;
      bool open;        // lo < level < hi, else lo <= level <= hi
      bool whole;       // whole numbers only
      bool descending;  // strictly decreasing, else strictly increasing
      std::size_t most;
      const char* what;
    };
    Rule rule{};
    switch (spec.kind) {
      case ComparatorKind::kExact:
      case ComparatorKind::kPlace:
      case ComparatorKind::kKoreanName:
        return field_error("levels", field + "the " + kind +
                                         " comparator takes no \"levels\" (its levels are fixed: docs/LINKAGE.md)");
      case ComparatorKind::kJaroWinkler:
        rule = {0, 1, true, false, true, 6,
                "Jaro-Winkler similarities above 0 and below 1 (1 is the exact level), strictly decreasing "
                "(best first), e.g. [0.94, 0.85]"};
        break;
      case ComparatorKind::kNameSwap:
        rule = {0, 1, true, false, true, 1,
                "one Jaro-Winkler similarity above 0 and below 1 (both parts at least this similar), e.g. [0.88]"};
        break;
      case ComparatorKind::kLevenshtein:
      case ComparatorKind::kDamerau:
        rule = {1, 1000, false, true, false, 6,
                "whole numbers of edits from 1 to 1000 (0 edits is the exact level), strictly increasing "
                "(best first), e.g. [1, 2]"};
        break;
      case ComparatorKind::kYear:
        rule = {1, 1000, false, true, false, 6,
                "whole numbers of years from 1 to 1000 (0 is the same-year level), strictly increasing "
                "(best first), e.g. [1, 3]"};
        break;
      case ComparatorKind::kDate:
        rule = {0, 365250, false, true, false, 6,
                "whole numbers of days between the dates from 0 (overlapping) to 365250, strictly increasing "
                "(best first), e.g. [31, 365]"};
        break;
    }
    const std::string expected = field + kind + " levels must be " + rule.what;
    if (!v.is_array()) return field_error("levels", expected + "; 'levels' is not an array");
    if (v.empty())
      return field_error("levels", field + "'levels' is empty; leave it out for the defaults, or give " + rule.what);
    if (v.size() > rule.most)
      return field_error("levels", expected + "; at most " + std::to_string(rule.most) + " level" +
                                       (rule.most == 1 ? "" : "s"));
    std::vector<double> out;
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (!v[i].is_number()) return level_error(i, expected + "; got " + v[i].dump());
      const double d = v[i].get<double>();
      const bool in_range = rule.open ? d > rule.lo && d < rule.hi : d >= rule.lo && d <= rule.hi;
      if (!in_range || (rule.whole && d != std::floor(d))) return level_error(i, expected + "; got " + v[i].dump());
      if (!out.empty() && (rule.descending ? !(d < out.back()) : !(d > out.back())))
        return level_error(i, expected + "; got " + v[i].dump() + " after " + v[i - 1].dump());
      out.push_back(d);
    }
    return out;
  }

  Result<link::FieldSpec> field(const json& f) {
    if (auto ok = check_keys(f, {"name", "comparator", "column", "columns", "levels", "term_frequency", "full",
                                 "family", "given", "hangul", "hanzi", "age", "reference_date", "format",
                                 "digit_typos"},
                             "field");
        !ok)
      return tl::unexpected(ok.error());
    link::FieldSpec spec;
    if (!f.contains("name")) return error("fields", "a field has no \"name\"");
    auto name = string_value(f, "name");
    if (!name) return tl::unexpected(name.error());
    spec.name = *name;
    if (!f.contains("comparator")) return error(spec.name, "field '" + spec.name + "': no \"comparator\"");
    auto comparator = string_value(f, "comparator");
    if (!comparator) return tl::unexpected(comparator.error());
    if (!link::parse_comparator_kind(*comparator, spec.kind))
      return error(*comparator, "field '" + spec.name + "': unknown comparator '" + *comparator +
                                    "' (exact, jaro_winkler, levenshtein, damerau_levenshtein, year, date, place, "
                                    "korean_name, name_swap)");
    if (f.contains("column")) {
      auto c = string_value(f, "column");
      if (!c) return tl::unexpected(c.error());
      spec.columns.push_back(*c);
    }
    if (f.contains("columns")) {
      if (!f["columns"].is_array()) return field_error("columns", "'columns' must be an array of column names");
      for (const auto& c : f["columns"]) {
        if (!c.is_string() || c.get<std::string>().empty())
          return field_error("columns", "'columns' must be an array of column names");
        spec.columns.push_back(c.get<std::string>());
      }
    }
    for (const auto& c : spec.columns) use_column(c, c);
    std::string* roles[] = {&spec.full_column, &spec.family_column, &spec.given_column, &spec.hangul_column,
                            &spec.hanzi_column, &spec.age_column, &spec.reference_date_column};
    const char* role_keys[] = {"full", "family", "given", "hangul", "hanzi", "age", "reference_date"};
    for (std::size_t i = 0; i < 7; ++i)
      if (f.contains(role_keys[i])) {
        auto c = string_value(f, role_keys[i]);
        if (!c) return tl::unexpected(c.error());
        *roles[i] = *c;
        use_column(*c, *c);
      }
    const bool korean = spec.kind == link::ComparatorKind::kKoreanName;
    if (korean && spec.full_column.empty() && spec.family_column.empty() && spec.given_column.empty() &&
        spec.hangul_column.empty() && spec.hanzi_column.empty()) {
      if (spec.columns.size() != 1)
        return error(spec.name, "field '" + spec.name + "': korean_name needs \"full\", \"family\"/\"given\", "
                                "\"hangul\" or \"hanzi\" columns");
      spec.full_column = spec.columns[0];
    }
    if (!korean && spec.columns.empty())
      return error(spec.name, "field '" + spec.name + "': no \"column\" or \"columns\"");
    if (spec.kind == link::ComparatorKind::kNameSwap && spec.columns.size() != 2)
      return error(spec.name, "field '" + spec.name + "': name_swap needs two columns (first, last)");
    if (f.contains("levels")) {
      auto levels = this->levels(f["levels"], spec);
      if (!levels) return tl::unexpected(levels.error());
      spec.thresholds = std::move(*levels);
    } else {
      switch (spec.kind) {
        case link::ComparatorKind::kJaroWinkler:
          spec.thresholds = {0.92, 0.8};
          break;
        case link::ComparatorKind::kLevenshtein:
        case link::ComparatorKind::kDamerau:
          spec.thresholds = {1, 2};
          break;
        case link::ComparatorKind::kYear:
          spec.thresholds = {1, 3};
          break;
        case link::ComparatorKind::kDate:
          spec.thresholds = {31, 365};
          break;
        case link::ComparatorKind::kNameSwap:
          spec.thresholds = {0.88};
          break;
        default:
          break;
      }
    }
    if (f.contains("term_frequency")) {
      if (!f["term_frequency"].is_boolean())
        return field_error("term_frequency", "'term_frequency' must be true or false");
      spec.term_frequency = f["term_frequency"].get<bool>();
    }
    if (f.contains("digit_typos")) {
      if (!f["digit_typos"].is_boolean()) return field_error("digit_typos", "'digit_typos' must be true or false");
      spec.date_digit_typos = f["digit_typos"].get<bool>();
    }
    if (f.contains("format")) {
      auto fmt = string_value(f, "format");
      if (!fmt) return tl::unexpected(fmt.error());
      if (*fmt != "iso" && *fmt != "yyyymmdd") return field_error("format", "'format' must be \"iso\" or \"yyyymmdd\"");
      spec.date_format = *fmt == "iso" ? "" : *fmt;
    }
    return spec;
  }

  Result<link::KeyPart> key_part(const json& p) {
    link::KeyPart part;
    if (p.is_string()) {
      part.column = p.get<std::string>();
      use_column(part.column, part.column);
      return part;
    }
    if (auto ok = check_keys(p, {"column", "field", "transform", "length"}, "blocking key part"); !ok)
      return tl::unexpected(ok.error());
    std::string transform = "exact";
    if (p.contains("transform")) {
      auto t = string_value(p, "transform");
      if (!t) return tl::unexpected(t.error());
      transform = *t;
    }
    static const std::map<std::string, link::KeyTransform> transforms{
        {"exact", link::KeyTransform::kExact},       {"prefix", link::KeyTransform::kPrefix},
        {"phonetic", link::KeyTransform::kPhonetic}, {"soundex", link::KeyTransform::kSoundex},
        {"year", link::KeyTransform::kYear},         {"name_keys", link::KeyTransform::kNameKeys},
        {"family_keys", link::KeyTransform::kFamilyKeys}, {"given_keys", link::KeyTransform::kGivenKeys},
        {"year_window", link::KeyTransform::kYearWindow}};
    auto it = transforms.find(transform);
    if (it == transforms.end())
      return error(transform, "unknown transform '" + transform +
                                  "' (exact, prefix, phonetic, soundex, year, name_keys, family_keys, given_keys, "
                                  "year_window)");
    part.transform = it->second;
    const bool by_field = link::reads_field(part.transform);
    const char* key = by_field ? "field" : "column";
    if (!p.contains(key))
      return error("blocking", std::string("a blocking key part with transform '") + transform + "' needs \"" + key +
                                   "\"");
    auto name = string_value(p, key);
    if (!name) return tl::unexpected(name.error());
    part.column = *name;
    if (!by_field) use_column(part.column, part.column);
    if (part.transform == link::KeyTransform::kPrefix) {
      if (!p.contains("length")) return error("prefix", "a prefix key part needs \"length\"");
      auto len = whole_number_value(p, "length", 1, 100);
      if (!len) return tl::unexpected(len.error());
      part.length = static_cast<int>(*len);
    }
    return part;
  }

  Status parse(const json& root) {
    if (auto ok = check_keys(root, {"record_id", "source_column", "list_column", "link_type", "fields", "blocking",
                                    "prior", "threshold", "review_floor", "clustering", "u_sample_pairs", "seed",
                                    "em_iterations", "m_estimation", "description"},
                             "config");
        !ok)
      return ok;
    auto& spec = config.spec;
    for (auto [key, target] : {std::pair<const char*, std::string*>{"record_id", &config.record_id_column},
                               {"source_column", &config.source_column},
                               {"list_column", &config.list_column}})
      if (root.contains(key)) {
        auto v = string_value(root, key);
        if (!v) return tl::unexpected(v.error());
        *target = *v;
      }
    if (root.contains("link_type")) {
      auto v = string_value(root, "link_type");
      if (!v) return tl::unexpected(v.error());
      if (*v == "dedupe_and_link")
        spec.link_type = link::LinkType::kDedupeAndLink;
      else if (*v == "link_only")
        spec.link_type = link::LinkType::kLinkOnly;
      else if (*v == "dedupe_only")
        spec.link_type = link::LinkType::kDedupeOnly;
      else
        return error("link_type", "'link_type' must be dedupe_and_link, link_only or dedupe_only");
    }
    if (!root.contains("fields") || !root["fields"].is_array() || root["fields"].empty())
      return error("fields", "the config needs a non-empty \"fields\" array");
    std::set<std::string> names;
    const auto field_offsets = where.elements(where.member("fields", 0));
    for (std::size_t i = 0; i < root["fields"].size(); ++i) {
      const auto& f = root["fields"][i];
      field_offset = field_offsets.size() == root["fields"].size() ? field_offsets[i] : std::string_view::npos;
      auto field = this->field(f);
      if (!field) return tl::unexpected(field.error());
      if (!names.insert(field->name).second) return error(field->name, "two fields are named '" + field->name + "'");
      spec.fields.push_back(std::move(*field));
    }
    field_offset = std::string_view::npos;
    if (!root.contains("blocking") || !root["blocking"].is_array() || root["blocking"].empty())
      return error("blocking", "the config needs a non-empty \"blocking\" array of rules");
    for (const auto& r : root["blocking"]) {
      link::BlockingRule rule;
      json key;
      if (r.is_array()) {
        key = r;
      } else {
        if (auto ok = check_keys(r, {"name", "key"}, "blocking rule"); !ok) return ok;
        if (!r.contains("key") || !r["key"].is_array() || r["key"].empty())
          return error("blocking", "a blocking rule needs a non-empty \"key\" array");
        key = r["key"];
        if (r.contains("name")) {
          auto n = string_value(r, "name");
          if (!n) return tl::unexpected(n.error());
          rule.name = *n;
        }
      }
      for (const auto& p : key) {
        auto part = key_part(p);
        if (!part) return tl::unexpected(part.error());
        if (link::reads_field(part->transform) && !names.count(part->column))
          return error(part->column, "blocking key part: '" + part->column + "' is not a field");
        rule.parts.push_back(*part);
      }
      if (rule.name.empty()) {
        for (const auto& p : rule.parts) {
          if (!rule.name.empty()) rule.name += " & ";
          rule.name += p.column;
          if (p.transform == link::KeyTransform::kPrefix) rule.name += "[:" + std::to_string(p.length) + "]";
          else if (p.transform != link::KeyTransform::kExact) {
            static const char* t[] = {"exact",     "prefix",      "phonetic",   "soundex",    "year",
                                      "name_keys", "family_keys", "given_keys", "year_window"};
            rule.name += std::string(":") + t[static_cast<int>(p.transform)];
          }
        }
      }
      spec.blocking.push_back(std::move(rule));
    }
    if (root.contains("prior")) {
      const auto& p = root["prior"];
      if (auto ok = check_keys(p, {"rules", "recall"}, "prior"); !ok) return ok;
      if (p.contains("rules")) {
        if (!p["rules"].is_array()) return error("rules", "'rules' must be an array of arrays of field names");
        for (const auto& rule : p["rules"]) {
          if (!rule.is_array() || rule.empty()) return error("rules", "each prior rule must be an array of field names");
          std::vector<std::string> fields;
          for (const auto& n : rule) {
            if (!n.is_string() || !names.count(n.get<std::string>()))
              return error("rules", "a prior rule names something that is not a field");
            fields.push_back(n.get<std::string>());
          }
          spec.prior_rules.push_back(std::move(fields));
        }
      }
      if (p.contains("recall")) {
        auto v = number_value(p, "recall", 0.01, 1);
        if (!v) return tl::unexpected(v.error());
        spec.prior_recall = *v;
      }
    }
    if (root.contains("threshold")) {
      const auto& t = root["threshold"];
      if (!t.is_number() || !is_link_threshold(t.get<double>()))
        return error("threshold", "'threshold' must be a match probability strictly between 0 and 1");
      spec.threshold = t.get<double>();
    }
    if (root.contains("review_floor")) {
      auto v = number_value(root, "review_floor", 0, 1);
      if (!v) return tl::unexpected(v.error());
      spec.review_floor = *v;
    }
    if (root.contains("u_sample_pairs")) {
      auto v = whole_number_value(root, "u_sample_pairs", 1000, 1'000'000'000);
      if (!v) return tl::unexpected(v.error());
      spec.u_sample_pairs = static_cast<std::uint64_t>(*v);
    }
    if (root.contains("seed")) {
      auto v = whole_number_value(root, "seed", 0, std::numeric_limits<std::uint64_t>::max());
      if (!v) return tl::unexpected(v.error());
      spec.seed = static_cast<std::uint64_t>(*v);
    }
    if (root.contains("em_iterations")) {
      auto v = whole_number_value(root, "em_iterations", 1, 10000);
      if (!v) return tl::unexpected(v.error());
      spec.em_iterations = static_cast<int>(*v);
    }
    if (root.contains("m_estimation")) {
      auto v = string_value(root, "m_estimation");
      if (!v) return tl::unexpected(v.error());
      if (*v == "per_rule")
        spec.joint_em = false;
      else if (*v == "joint")
        spec.joint_em = true;
      else
        return error("m_estimation", "'m_estimation' must be \"per_rule\" or \"joint\"");
    }
    if (root.contains("clustering")) {
      const auto& c = root["clustering"];
      if (auto ok = check_keys(c, {"method", "min_cohesion", "one_per_list", "score_unscored"}, "clustering"); !ok) return ok;
      if (c.contains("method")) {
        auto v = string_value(c, "method");
        if (!v) return tl::unexpected(v.error());
        if (*v == "guarded")
          spec.clustering.method = link::ClusterMethod::kGuarded;
        else if (*v == "components")
          spec.clustering.method = link::ClusterMethod::kComponents;
        else
          return error("method", "clustering 'method' must be \"guarded\" or \"components\"");
      }
      if (c.contains("min_cohesion")) {
        auto v = number_value(c, "min_cohesion", 0, 1);
        if (!v) return tl::unexpected(v.error());
        spec.clustering.min_cohesion = *v;
      }
      if (c.contains("one_per_list")) {
        if (!c["one_per_list"].is_boolean()) return error("one_per_list", "'one_per_list' must be true or false");
        spec.clustering.one_per_list = c["one_per_list"].get<bool>();
      }
      if (c.contains("score_unscored")) {
        if (!c["score_unscored"].is_boolean())
          return error("score_unscored", "'score_unscored' must be true or false");
        spec.clustering.score_unscored = c["score_unscored"].get<bool>();
      }
    }
    return {};
  }
};

}  // namespace

Result<LinkConfig> parse_link_config(std::string_view text, const std::string& file_name) {
  Locator where(text, file_name);
  json root;
  try {
    root = json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    return fail(where.position(e.byte > 0 ? e.byte - 1 : 0), "not valid JSON");
  } catch (const json::out_of_range&) {  // a number beyond a double's range
    return fail(file_name + ": not valid JSON (a number is too large)");
  }
  Parser parser{where, {}};
  if (auto ok = parser.parse(root); !ok) return tl::unexpected(ok.error());
  return std::move(parser.config);
}

Result<LinkConfig> read_link_config(const std::string& path) {
  auto text = read_file(path);
  if (!text) return tl::unexpected(text.error());
  return parse_link_config(*text, path);
}

bool is_link_threshold(double threshold) { return threshold > 0 && threshold < 1; }  // false for NaN

Status set_link_threshold(LinkConfig& config, double threshold) {
  if (!is_link_threshold(threshold))
    return fail("threshold " + fmt::format("{}", threshold) + ": not a match probability strictly between 0 and 1");
  config.spec.threshold = threshold;
  return {};
}

}  // namespace uncounted
