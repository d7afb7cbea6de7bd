#include "normalize/name_comparator.h"

#include <algorithm>
#include <tuple>

#include "normalize/internal/jaro_winkler.h"

namespace uncounted::normalize {
namespace {

enum class Part { kMissing, kDifferent, kClose, kSame };

struct PartResult {
  Part part = Part::kMissing;
  double similarity = 0;
  const char* why = "";
};

bool intersects(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (const auto& x : a) {
    if (std::find(b.begin(), b.end(), x) != b.end()) return true;
  }
  return false;
}

double best_jw(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  double best = 0;
  for (const auto& x : a) {
    for (const auto& y : b) best = std::max(best, internal::jaro_winkler(x, y));
  }
  return best;
}

PartResult by_similarity(double jw, const char* close_why, const char* diff_why) {
  if (jw >= kCloseThreshold) return {Part::kClose, jw, close_why};
  return {Part::kDifferent, jw, diff_why};
}

PartResult compare_family(const NameReading& a, const NameReading& b) {
  if (a.family_keys.empty() || b.family_keys.empty()) {
    return {Part::kMissing, 0, "missing in one"};
  }
  if (intersects(a.family_hangul, b.family_hangul)) {
    return {Part::kSame, 1, a.family_hangul_exact && b.family_hangul_exact
                                ? "same surname"
                                : "same surname (spelling table)"};
  }
  const bool both_known = !a.family_hangul.empty() && !b.family_hangul.empty();
  if (both_known) {
    // Two different surnames (as written, or as the spelling table reads
    // them): never more than close.
    if (intersects(a.family_keys, b.family_keys)) {
      return {Part::kClose, kCloseThreshold, "different surnames with the same key"};
    }
    return by_similarity(best_jw(a.family_keys, b.family_keys),
                         "different surnames with close keys", "different surnames");
  }
  if (intersects(a.family_keys, b.family_keys)) return {Part::kSame, 1, "same surname key"};
  return by_similarity(best_jw(a.family_keys, b.family_keys), "close surname keys",
                       "different surname keys");
}

PartResult compare_given(const NameReading& a, const NameReading& b) {
  if (a.given_keys.empty() || b.given_keys.empty()) {
    return {Part::kMissing, 0, "missing in one"};
  }
  if (!a.given_hangul.empty() && !b.given_hangul.empty()) {
    if (a.given_hangul == b.given_hangul) return {Part::kSame, 1, "same Hangul"};
    if (intersects(a.given_keys, b.given_keys)) {
      return {Part::kClose, kCloseThreshold, "different Hangul with the same key"};
    }
    return by_similarity(best_jw(a.given_keys, b.given_keys), "different Hangul, close keys",
                         "different Hangul");
  }
  if (intersects(a.given_keys, b.given_keys)) return {Part::kSame, 1, "same phonetic key"};
  return by_similarity(best_jw(a.given_keys, b.given_keys), "close phonetic keys",
                       "different phonetic keys");
}

const char* part_name(Part p) {
  switch (p) {
    case Part::kSame: return "agrees";
    case Part::kClose: return "close";
    case Part::kDifferent: return "differs";
    case Part::kMissing: return "missing";
  }
  return "";
}

NameComparison compare_readings(const NameReading& a, const NameReading& b) {
  NameComparison out;
  const PartResult fam = compare_family(a, b);
  const PartResult giv = compare_given(a, b);
  const bool both_hangul = !a.given_hangul.empty() && !b.given_hangul.empty();
  std::string how;
  if (a.exact == b.exact) {
    out.level = NameLevel::kExact;
    how = "same written name";
  } else if (fam.part == Part::kSame && giv.part == Part::kSame) {
    out.level = NameLevel::kSameKey;
    how = "family and given name agree";
  } else if (fam.part != Part::kMissing && giv.part != Part::kMissing &&
             intersects(a.whole_keys, b.whole_keys)) {
    out.level = both_hangul ? NameLevel::kCloseKey : NameLevel::kSameKey;
    how = "same key with the family/given boundary moved";
  } else if ((fam.part == Part::kSame && giv.part == Part::kClose) ||
             (fam.part == Part::kClose && giv.part == Part::kSame) ||
             (fam.part == Part::kMissing && giv.part == Part::kSame)) {
    out.level = NameLevel::kCloseKey;
    how = "one part agrees, the other is close or missing";
  } else if (fam.part == Part::kDifferent && giv.part == Part::kSame) {
    out.level = NameLevel::kGivenOnly;
    how = "the given name agrees, the family name differs";
  } else {
    out.level = NameLevel::kDifferent;
    how = "parts differ";
  }
  if (out.level == NameLevel::kExact) {
    out.score = 1;
  } else {
    double sum = 0;
    int n = 0;
    for (const PartResult& p : {fam, giv}) {
      if (p.part == Part::kMissing) continue;
      sum += p.part == Part::kSame ? 1.0 : p.similarity;
      ++n;
    }
    out.score = n > 0 ? sum / n : 0;
    if (out.level == NameLevel::kSameKey) out.score = std::max(out.score, 0.95);
  }
  out.explanation = std::string(to_string(out.level)) + ": " + how + "; family " +
                    part_name(fam.part) + " (" + fam.why + "); given " + part_name(giv.part) +
                    " (" + giv.why + ")";
  if (a.family_last != b.family_last) out.explanation += "; family name last in one";
  if (a.via_hanja || b.via_hanja) out.explanation += "; Hangul read from hanja (Unihan)";
  return out;
}

}  // namespace

const char* to_string(NameLevel level) {
  switch (level) {
    case NameLevel::kExact: return "exact";
    case NameLevel::kSameKey: return "same_key";
    case NameLevel::kCloseKey: return "close_key";
    case NameLevel::kGivenOnly: return "given_only";
    case NameLevel::kDifferent: return "different";
  }
  return "";
}

NameComparison compare_names(const AnalyzedName& a, const AnalyzedName& b) {
  NameComparison best;
  best.explanation = "different: no readable name in one";
  bool any = false;
  for (const auto& ra : a.readings) {
    for (const auto& rb : b.readings) {
      NameComparison c = compare_readings(ra, rb);
      // Prefer the stronger level, then the higher score, then the reading
      // that keeps both names in the same order (first one found).
      if (!any || std::tie(c.level, c.score) > std::tie(best.level, best.score)) {
        best = std::move(c);
        any = true;
      }
    }
  }
  return best;
}

}  // namespace uncounted::normalize
