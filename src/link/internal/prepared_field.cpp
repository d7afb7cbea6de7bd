#include "link/internal/prepared_field.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <string_view>
#include <unordered_map>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "base/partial_date.h"
#include "link/internal/text_key.h"
#include "link/string_similarity.h"
#include "normalize/name_comparator.h"

namespace uncounted::link::internal {
namespace {

std::string format_threshold(double t) {
  std::string s = std::to_string(t);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

void make_levels(PreparedField& f) {
  const auto& s = f.spec;
  auto& names = f.level_names;
  names.clear();
  switch (s.kind) {
    case ComparatorKind::kExact:
      names = {"exact"};
      break;
    case ComparatorKind::kJaroWinkler:
      names = {"exact"};
      for (double t : s.thresholds) names.push_back("jaro_winkler >= " + format_threshold(t));
      break;
    case ComparatorKind::kLevenshtein:
    case ComparatorKind::kDamerau:
      names = {"exact"};
      for (double t : s.thresholds)
        names.push_back(std::string(s.kind == ComparatorKind::kDamerau ? "damerau" : "levenshtein") + " <= " +
                        format_threshold(t));
      break;
    case ComparatorKind::kYear:
      names = {"same year"};
      for (double t : s.thresholds) names.push_back("within " + format_threshold(t) + " years");
      break;
    case ComparatorKind::kDate:
      names = {"same date"};
      if (s.date_digit_typos) names.push_back("one digit edit");
      for (double t : s.thresholds) names.push_back("within " + format_threshold(t) + " days");
      break;
    case ComparatorKind::kPlace:
      names = {"same place", "within", "same province"};
      break;
    case ComparatorKind::kKoreanName:
      names = {"exact", "same key", "close key", "given name only"};
      break;
    case ComparatorKind::kNameSwap:
      names = {"exact", "swapped", "similar"};
      break;
  }
  names.push_back(s.kind == ComparatorKind::kKoreanName ? "different" : "else");
  f.level_count = static_cast<int>(names.size());
  f.tf_levels = !s.term_frequency ? 0 : s.kind == ComparatorKind::kKoreanName ? 2 : 1;
}

std::optional<int> parse_int(std::string_view s) {
  int v = 0;
  const auto* end = s.data() + s.size();
  auto r = std::from_chars(s.data(), end, v);
  if (r.ec != std::errc() || r.ptr != end) return std::nullopt;
  return v;
}

DateValue parse_date(const std::string& text, const std::string& format) {
  DateValue d;
  for (char c : text)
    if (c >= '0' && c <= '9') d.digits.push_back(c);
  if (format == "yyyymmdd") {
    if (d.digits.size() == 8 && d.digits.size() == text.size()) {
      const int y = std::atoi(d.digits.substr(0, 4).c_str());
      const int m = std::atoi(d.digits.substr(4, 2).c_str());
      const int day = std::atoi(d.digits.substr(6, 2).c_str());
      if (is_valid_date(y, m, day)) {
        d.valid = true;
        d.earliest = d.latest = days_from_civil(CivilDate{y, m, day});
      }
    }
    return d;
  }
  auto parsed = parse_partial_date(text);
  if (parsed && parsed->precision != DatePrecision::unknown) {
    d.valid = true;
    d.earliest = days_from_civil(parsed->earliest);
    d.latest = days_from_civil(parsed->latest);
  }
  return d;
}

std::string year_value(const std::string& year, const std::string& age, const std::string& reference) {
  if (!year.empty()) return first_year(year);
  if (age.empty() || reference.empty()) return {};
  const auto a = parse_int(age);
  const std::string ref_year = first_year(reference);
  if (!a || ref_year.empty()) return {};
  return std::to_string(std::atoi(ref_year.c_str()) - *a);
}

// Sum over the 32 buckets of min(x, y): an upper bound on Jaro matches.
int common_letters(const std::array<std::uint8_t, 32>& x, const std::array<std::uint8_t, 32>& y) {
#if defined(__SSE2__)
  const __m128i lo = _mm_min_epu8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(x.data())),
                                  _mm_loadu_si128(reinterpret_cast<const __m128i*>(y.data())));
  const __m128i hi = _mm_min_epu8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(x.data() + 16)),
                                  _mm_loadu_si128(reinterpret_cast<const __m128i*>(y.data() + 16)));
  const __m128i sums = _mm_add_epi64(_mm_sad_epu8(lo, _mm_setzero_si128()), _mm_sad_epu8(hi, _mm_setzero_si128()));
  return _mm_cvtsi128_si32(sums) + _mm_cvtsi128_si32(_mm_unpackhi_epi64(sums, sums));
#else
  int common = 0;
  for (std::size_t i = 0; i < 32; ++i) common += std::min(x[i], y[i]);
  return common;
#endif
}

}  // namespace

Result<PreparedField> prepare_field(const FieldSpec& spec, const RecordTable& table,
                                    const LinkResources& resources) {
  PreparedField f;
  f.spec = spec;
  make_levels(f);
  if (spec.kind == ComparatorKind::kKoreanName && !resources.names)
    return fail("field '" + spec.name + "': the korean_name comparator needs the Korean name tables");
  if (spec.kind == ComparatorKind::kPlace && !resources.places)
    return fail("field '" + spec.name + "': the place comparator needs the gazetteer");

  // The columns read, in a fixed order per comparator.
  std::vector<std::string> cols;
  if (spec.kind == ComparatorKind::kKoreanName) {
    cols = {spec.full_column, spec.family_column, spec.given_column, spec.hangul_column, spec.hanzi_column};
  } else if (spec.kind == ComparatorKind::kYear) {
    cols = {spec.columns.empty() ? std::string() : spec.columns[0], spec.age_column, spec.reference_date_column};
  } else {
    cols = spec.columns;
  }
  std::vector<const std::vector<std::string>*> data;
  for (const auto& c : cols) {
    if (c.empty()) {
      data.push_back(nullptr);
      continue;
    }
    auto idx = table.find_column(c);
    if (!idx) return fail("field '" + spec.name + "': column '" + c + "' is not in the records");
    data.push_back(&table.columns[*idx]);
  }

  const std::size_t n = table.size();
  f.value_of.assign(n, kMissing);
  std::unordered_map<std::string, std::uint32_t> raw_ids;   // raw joined text -> value (or kMissing)
  std::unordered_map<std::string, std::uint32_t> norm_ids;  // normalised text -> value
  std::string raw;
  std::vector<std::string> parts(cols.size());
  for (std::size_t r = 0; r < n; ++r) {
    raw.clear();
    for (std::size_t c = 0; c < data.size(); ++c) {
      if (c) raw.push_back('\x1f');
      if (data[c]) raw += (*data[c])[r];
    }
    auto it = raw_ids.find(raw);
    if (it != raw_ids.end()) {
      f.value_of[r] = it->second;
      continue;
    }
    bool any = false;
    std::string norm;
    for (std::size_t c = 0; c < data.size(); ++c) {
      parts[c] = data[c] ? normalize_text((*data[c])[r]) : std::string();
      if (!parts[c].empty()) any = true;
    }
    if (spec.kind == ComparatorKind::kYear) {
      parts[0] = year_value(parts[0], parts[1], parts[2]);
      any = !parts[0].empty();
      norm = parts[0];
    } else {
      for (std::size_t c = 0; c < parts.size(); ++c) {
        if (c) norm.push_back('\x1f');
        norm += parts[c];
      }
    }
    std::uint32_t id = kMissing;
    if (any) {
      auto [nit, inserted] = norm_ids.emplace(norm, static_cast<std::uint32_t>(f.text.size()));
      if (inserted) {
        f.text.push_back(norm);
        if (spec.kind == ComparatorKind::kKoreanName) {
          // The raw forms, for the analyser (it folds and keeps scripts itself).
          std::vector<normalize::AnalyzedName> forms;
          auto add = [&](Result<normalize::AnalyzedName> a) {
            if (a && !a->readings.empty()) forms.push_back(std::move(*a));
          };
          const auto cell = [&](std::size_t c) { return data[c] ? std::string_view((*data[c])[r]) : std::string_view(); };
          if (!cell(3).empty()) add(resources.names->analyze(cell(3)));
          if (!cell(4).empty()) add(resources.names->analyze(cell(4)));
          if (!cell(1).empty() || !cell(2).empty()) add(resources.names->analyze(cell(1), cell(2)));
          if (!cell(0).empty()) add(resources.names->analyze(cell(0)));
          f.names.push_back(std::move(forms));
        } else if (spec.kind == ComparatorKind::kNameSwap) {
          f.first.push_back(parts.size() > 0 ? parts[0] : std::string());
          f.last.push_back(parts.size() > 1 ? parts[1] : std::string());
        }
      }
      id = nit->second;
    }
    raw_ids.emplace(raw, id);
    f.value_of[r] = id;
  }

  const std::size_t values = f.text.size();
  if (spec.kind == ComparatorKind::kYear) {
    f.year.resize(values);
    for (std::size_t v = 0; v < values; ++v) f.year[v] = std::atoi(f.text[v].c_str());
  } else if (spec.kind == ComparatorKind::kDate) {
    f.date.reserve(values);
    for (const auto& t : f.text) f.date.push_back(parse_date(t, spec.date_format));
  } else if (spec.kind == ComparatorKind::kJaroWinkler) {
    f.letter_buckets.resize(values);
    for (std::size_t v = 0; v < values; ++v) {
      auto& b = f.letter_buckets[v];
      b.fill(0);
      bool ascii = f.text[v].size() < 250;
      for (char c : f.text[v]) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x80) ascii = false;
        b[u & 31] = static_cast<std::uint8_t>(b[u & 31] + 1);
      }
      if (!ascii) b.fill(255);
    }
  } else if (spec.kind == ComparatorKind::kPlace) {
    f.place_id.resize(values);
    f.province_id.resize(values);
    f.is_province.assign(values, 0);
    for (std::size_t v = 0; v < values; ++v) {
      const auto* p = resources.places->resolve(f.text[v]);
      if (!p) continue;
      f.place_id[v] = p->id;
      f.is_province[v] = p->level == "province";
      f.province_id[v] = f.is_province[v] ? p->id : p->parent_id;
    }
  }

  // Term-frequency groups: the value itself, or a Korean name's first key.
  f.tf_group.resize(values);
  std::vector<double> group_count;
  if (spec.kind == ComparatorKind::kKoreanName) {
    std::unordered_map<std::string, std::uint32_t> groups;
    for (std::size_t v = 0; v < values; ++v) {
      std::string key = f.text[v];
      if (!f.names[v].empty()) {
        auto keys = f.names[v].front().blocking_keys();
        if (!keys.empty()) key = "\x1e" + keys.front();
      }
      auto [it, inserted] = groups.emplace(key, static_cast<std::uint32_t>(groups.size()));
      f.tf_group[v] = it->second;
    }
    group_count.assign(groups.size(), 0);
  } else {
    for (std::size_t v = 0; v < values; ++v) f.tf_group[v] = static_cast<std::uint32_t>(v);
    group_count.assign(values, 0);
  }
  double present = 0;
  for (auto v : f.value_of)
    if (v != kMissing) {
      group_count[f.tf_group[v]] += 1;
      present += 1;
    }
  f.tf_share.resize(group_count.size());
  for (std::size_t g = 0; g < group_count.size(); ++g) f.tf_share[g] = present > 0 ? group_count[g] / present : 0;
  return f;
}

int compare_level(const PreparedField& f, std::uint32_t a, std::uint32_t b) {
  if (a == b) return 0;
  const int last = f.level_count - 1;
  const auto& s = f.spec;
  switch (s.kind) {
    case ComparatorKind::kExact:
      return last;
    case ComparatorKind::kJaroWinkler: {
      if (!s.thresholds.empty() && !f.letter_buckets.empty() && f.letter_buckets[a][0] != 255 &&
          f.letter_buckets[b][0] != 255) {
        const auto& x = f.letter_buckets[a];
        const auto& y = f.letter_buckets[b];
        const int common = common_letters(x, y);
        // Jaro <= (c/na + c/nb + 1) / 3 and JW = 0.6 Jaro + 0.4 at most, so
        // JW < t whenever c (na + nb) < (5t - 3) na nb (no division; the
        // margin keeps every pair that could reach t). No common letter: JW = 0.
        const double na = static_cast<double>(f.text[a].size());
        const double nb = static_cast<double>(f.text[b].size());
        const double k = 5.0 * s.thresholds.back() - 3.0 - 1e-9;
        if (common == 0 ? s.thresholds.back() > 0 : static_cast<double>(common) * (na + nb) < k * na * nb) return last;
      }
      const double sim = jaro_winkler(f.text[a], f.text[b]);
      for (std::size_t i = 0; i < s.thresholds.size(); ++i)
        if (sim >= s.thresholds[i]) return static_cast<int>(i) + 1;
      return last;
    }
    case ComparatorKind::kLevenshtein:
    case ComparatorKind::kDamerau: {
      const int cap = s.thresholds.empty() ? 0 : static_cast<int>(s.thresholds.back());
      const int d = s.kind == ComparatorKind::kDamerau ? damerau_levenshtein(f.text[a], f.text[b], cap)
                                                       : levenshtein(f.text[a], f.text[b], cap);
      for (std::size_t i = 0; i < s.thresholds.size(); ++i)
        if (d <= static_cast<int>(s.thresholds[i])) return static_cast<int>(i) + 1;
      return last;
    }
    case ComparatorKind::kYear: {
      const int d = std::abs(f.year[a] - f.year[b]);
      if (d == 0) return 0;
      for (std::size_t i = 0; i < s.thresholds.size(); ++i)
        if (d <= static_cast<int>(s.thresholds[i])) return static_cast<int>(i) + 1;
      return last;
    }
    case ComparatorKind::kDate: {
      const auto& x = f.date[a];
      const auto& y = f.date[b];
      if (x.valid && y.valid && x.earliest == y.earliest && x.latest == y.latest) return 0;
      int level = 1;
      if (s.date_digit_typos) {
        if (!x.digits.empty() && x.digits.size() == y.digits.size() &&
            damerau_levenshtein(x.digits, y.digits, 1) <= 1)
          return level;
        ++level;
      }
      if (x.valid && y.valid) {
        const long gap = std::max(0L, std::max(x.earliest, y.earliest) - std::min(x.latest, y.latest));
        for (std::size_t i = 0; i < s.thresholds.size(); ++i)
          if (static_cast<double>(gap) <= s.thresholds[i]) return level + static_cast<int>(i);
      }
      return last;
    }
    case ComparatorKind::kPlace: {
      if (!f.place_id[a].empty() && f.place_id[a] == f.place_id[b]) return 0;
      if (!f.province_id[a].empty() && f.province_id[a] == f.province_id[b])
        // "within": one names only the province the other lies in (a coarser
        // report of the same place, not a different county).
        return f.is_province[a] || f.is_province[b] ? 1 : 2;
      return last;
    }
    case ComparatorKind::kKoreanName: {
      int best = static_cast<int>(normalize::NameLevel::kDifferent);
      for (const auto& x : f.names[a])
        for (const auto& y : f.names[b]) {
          best = std::max(best, static_cast<int>(normalize::compare_names(x, y).level));
          if (best == static_cast<int>(normalize::NameLevel::kExact)) return 0;
        }
      return static_cast<int>(normalize::NameLevel::kExact) - best;
    }
    case ComparatorKind::kNameSwap: {
      const auto& a1 = f.first[a];
      const auto& a2 = f.last[a];
      const auto& b1 = f.first[b];
      const auto& b2 = f.last[b];
      if (!a1.empty() && !a2.empty() && a1 == b2 && a2 == b1) return 1;
      const double t = s.thresholds.empty() ? 0.88 : s.thresholds[0];
      const double same = std::min(jaro_winkler(a1, b1), jaro_winkler(a2, b2));
      const double swapped = std::min(jaro_winkler(a1, b2), jaro_winkler(a2, b1));
      if (std::max(same, swapped) >= t) return 2;
      return last;
    }
  }
  return last;
}

}  // namespace uncounted::link::internal
