#include "estimate/loglinear_model.h"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace uncounted {
namespace {

// Rcapture prints generators by decreasing order, and within one order in
// lexicographic order of their list numbers ("[124,134,23]", "[23,1,4]").
// For generators of equal size, comparing the sorted list indices
// lexicographically is the same as comparing the printed digit strings.
bool rcapture_less(Pattern a, Pattern b) {
  const int oa = capture_count(a);
  const int ob = capture_count(b);
  if (oa != ob) return oa > ob;
  // Lexicographic comparison of the ascending bit-index sequences: the first
  // differing position decides; the pattern that has the lowest bit that the
  // other lacks comes first.
  const Pattern diff = a ^ b;
  if (diff == 0) return false;
  const Pattern lowest = diff & (~diff + 1);
  return (a & lowest) != 0;
}

bool is_subset(Pattern inner, Pattern outer) { return (inner & outer) == inner; }

// Keeps the maximal interaction generators (two or more lists), sorted.
std::vector<Pattern> reduce_generators(std::vector<Pattern> candidates) {
  std::vector<Pattern> kept;
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  for (Pattern g : candidates) {
    if (capture_count(g) < 2) continue;
    bool maximal = true;
    for (Pattern h : candidates)
      if (h != g && is_subset(g, h)) {
        maximal = false;
        break;
      }
    if (maximal) kept.push_back(g);
  }
  std::sort(kept.begin(), kept.end(), rcapture_less);
  return kept;
}

std::string digits_of(Pattern p) {
  std::string out;
  for (int j = 0; j < 32; ++j)
    if (p >> j & 1) out += std::to_string(j + 1);
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool looks_like_rcapture(std::string_view s) {
  if (s.size() < 2 || s.front() != '[' || s.back() != ']') return false;
  for (std::size_t i = 1; i + 1 < s.size(); ++i) {
    const char c = s[i];
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == ',' || c == ' ')) return false;
  }
  return true;
}

Result<LoglinearModel> parse_rcapture(std::string_view s, int list_count, const std::string& text) {
  std::vector<Pattern> generators;
  Pattern current = 0;
  bool any_digit = false;
  for (std::size_t i = 1; i + 1 < s.size(); ++i) {
    const char c = s[i];
    if (c == ' ') continue;
    if (c == ',') {
      if (current == 0) return fail("model '" + text + "': empty term");
      generators.push_back(current);
      current = 0;
      continue;
    }
    const int list = c - '0';
    if (list < 1 || list > list_count)
      return fail("model '" + text + "': list " + std::string(1, c) + " is not one of 1.." +
                  std::to_string(list_count));
    current |= Pattern{1} << (list - 1);
    any_digit = true;
  }
  if (current != 0) generators.push_back(current);
  else if (any_digit) return fail("model '" + text + "': empty term");
  return LoglinearModel::from_generators(list_count, generators);
}

Result<LoglinearModel> parse_names(std::string_view s, const std::vector<std::string>& lists,
                                   const std::string& text) {
  // List indices by decreasing name length, for greedy longest-first matching.
  std::vector<int> order(lists.size());
  for (std::size_t j = 0; j < lists.size(); ++j) order[j] = static_cast<int>(j);
  std::stable_sort(order.begin(), order.end(),
                   [&](int a, int b) { return lists[a].size() > lists[b].size(); });
  std::vector<Pattern> generators;
  std::size_t i = 0;
  while (i < s.size()) {
    if (std::isspace(static_cast<unsigned char>(s[i]))) {
      ++i;
      continue;
    }
    if (s[i] != '[') return fail("model '" + text + "': expected '[' at position " + std::to_string(i + 1));
    const std::size_t close = s.find(']', i);
    if (close == std::string_view::npos) return fail("model '" + text + "': missing ']'");
    std::string_view group = s.substr(i + 1, close - i - 1);
    Pattern term = 0;
    std::size_t pos = 0;
    while (pos < group.size()) {
      const char c = group[pos];
      if (c == ',' || c == ' ' || c == ':' || c == '*') {
        ++pos;
        continue;
      }
      bool matched = false;
      for (int j : order) {
        const std::string& name = lists[j];
        if (!name.empty() && group.substr(pos, name.size()) == name) {
          term |= Pattern{1} << j;
          pos += name.size();
          matched = true;
          break;
        }
      }
      if (!matched)
        return fail("model '" + text + "': no list name matches at '" + std::string(group.substr(pos)) + "'");
    }
    if (term == 0) return fail("model '" + text + "': empty term '[]'");
    generators.push_back(term);
    i = close + 1;
  }
  return LoglinearModel::from_generators(static_cast<int>(lists.size()), generators);
}

}  // namespace

LoglinearModel LoglinearModel::independence(int list_count) {
  LoglinearModel model;
  model.list_count_ = list_count;
  return model;
}

Result<LoglinearModel> LoglinearModel::from_generators(int list_count,
                                                       const std::vector<Pattern>& generators) {
  if (list_count < 1 || list_count > CaptureTable::kMaxLists)
    return fail("a model needs between 1 and " + std::to_string(CaptureTable::kMaxLists) + " lists");
  const Pattern all = (Pattern{1} << list_count) - 1;
  for (Pattern g : generators) {
    if (g == 0) return fail("a model term must name at least one list");
    if ((g & ~all) != 0)
      return fail("a model term names a list beyond the " + std::to_string(list_count) + " lists");
  }
  LoglinearModel model;
  model.list_count_ = list_count;
  model.generators_ = reduce_generators(generators);
  return model;
}

Result<LoglinearModel> LoglinearModel::parse(const std::string& text,
                                             const std::vector<std::string>& lists) {
  const std::string_view s = trim(text);
  if (s.empty()) return fail("empty model name");
  const int k = static_cast<int>(lists.size());
  if (looks_like_rcapture(s) && k <= 9) {
    auto parsed = parse_rcapture(s, k, text);
    if (parsed) return parsed;
    // Fall through: list names may themselves be digits.
    auto by_name = parse_names(s, lists, text);
    if (by_name) return by_name;
    return parsed;
  }
  return parse_names(s, lists, text);
}

std::vector<Pattern> LoglinearModel::terms() const {
  std::vector<Pattern> out;
  for (Pattern g : generators_) {
    // Every subset of g with at least two lists.
    for (Pattern sub = g; sub != 0; sub = (sub - 1) & g)
      if (capture_count(sub) >= 2) out.push_back(sub);
  }
  std::sort(out.begin(), out.end(), [](Pattern a, Pattern b) {
    const int oa = capture_count(a);
    const int ob = capture_count(b);
    return oa != ob ? oa < ob : a < b;
  });
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool LoglinearModel::contains(Pattern term) const {
  if (term == 0) return false;
  const Pattern all = list_count_ >= 32 ? ~Pattern{0} : (Pattern{1} << list_count_) - 1;
  if ((term & ~all) != 0) return false;
  if (capture_count(term) == 1) return true;
  for (Pattern g : generators_)
    if (is_subset(term, g)) return true;
  return false;
}

int LoglinearModel::max_order() const {
  int order = 1;
  for (Pattern g : generators_) order = std::max(order, capture_count(g));
  return order;
}

std::string LoglinearModel::rcapture_name() const {
  Pattern covered = 0;
  std::string out = "[";
  bool first = true;
  for (Pattern g : generators_) {
    if (!first) out += ',';
    out += digits_of(g);
    covered |= g;
    first = false;
  }
  for (int j = 0; j < list_count_; ++j) {
    if (covered >> j & 1) continue;
    if (!first) out += ',';
    out += std::to_string(j + 1);
    first = false;
  }
  out += ']';
  return out;
}

std::string LoglinearModel::display_name(const std::vector<std::string>& lists) const {
  auto name_of = [&](int j) {
    return j < static_cast<int>(lists.size()) ? lists[j] : std::to_string(j + 1);
  };
  // Names of one letter are run together ("[AB]"); longer ones are joined
  // by ':' so that "[media:un]" stays readable (parse() accepts both).
  bool single_letters = true;
  for (int j = 0; j < list_count_; ++j) single_letters = single_letters && name_of(j).size() == 1;
  Pattern covered = 0;
  std::string out;
  for (Pattern g : generators_) {
    out += '[';
    bool first = true;
    for (int j = 0; j < list_count_; ++j)
      if (g >> j & 1) {
        if (!first && !single_letters) out += ':';
        out += name_of(j);
        first = false;
      }
    out += ']';
    covered |= g;
  }
  for (int j = 0; j < list_count_; ++j)
    if (!(covered >> j & 1)) out += "[" + name_of(j) + "]";
  return out;
}

LoglinearModel LoglinearModel::with_term(Pattern term) const {
  LoglinearModel model = *this;
  std::vector<Pattern> candidates = generators_;
  candidates.push_back(term);
  model.generators_ = reduce_generators(std::move(candidates));
  return model;
}

}  // namespace uncounted
