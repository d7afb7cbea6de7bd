// What to link and how: the fields compared, their comparison levels, the
// blocking rules, how the match prior is found, the decision threshold and
// the clustering. Usually read from a JSON config (io/link_config.h, and
// docs/LINKAGE.md for the format) or made by default_link_spec().
//
// Thread safety: plain values.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace uncounted::link {

enum class ComparatorKind {
  kExact,        // equal after normalisation, else different
  kJaroWinkler,  // exact, then one level per similarity threshold (descending)
  kLevenshtein,  // exact, then one level per maximum edit distance (ascending)
  kDamerau,      // as kLevenshtein, with adjacent transpositions as one edit
  kYear,         // exact year, then one level per maximum |difference| in years
  kDate,         // exact, optional digit typo level, then gap between date intervals (days)
  kPlace,        // same place (gazetteer id), same province, else different
  kKoreanName,   // normalize/name_comparator.h levels: exact, same key, close key
  kNameSwap,     // two columns (first, last): same order, swapped, both similar, else
};

// "exact", "jaro_winkler", ...; parse returns false for an unknown name.
const char* to_string(ComparatorKind kind);
bool parse_comparator_kind(const std::string& text, ComparatorKind& out);

struct FieldSpec {
  std::string name;                  // unique among fields; shown in explanations
  ComparatorKind kind = ComparatorKind::kExact;
  // The columns read. One for most comparators; kNameSwap: {first, last};
  // kKoreanName: any of the roles below, given by role.
  std::vector<std::string> columns;
  // kKoreanName roles (empty = not used): a whole name, family and given
  // name, Hangul and hanja/hanzi forms.
  std::string full_column, family_column, given_column, hangul_column, hanzi_column;
  // kYear: when the year column is empty, year = year(reference date) - age.
  std::string age_column, reference_date_column;
  // Level thresholds: similarities for kJaroWinkler (e.g. {0.94, 0.88}),
  // edit distances for kLevenshtein/kDamerau ({1, 2}), years for kYear
  // ({1, 2}), days for kDate ({31, 365}).
  std::vector<double> thresholds;
  bool date_digit_typos = false;     // kDate: a level for dates within one digit edit
  std::string date_format;           // kDate: "" (partial ISO, base/partial_date.h) or "yyyymmdd"
  bool term_frequency = false;       // adjust the exact level(s) by the value's frequency
};

// One part of a blocking key.
enum class KeyTransform {
  kExact,       // the normalised value
  kPrefix,      // its first `length` characters
  kPhonetic,    // the romanisation-insensitive phonetic key (normalize/phonetic_key.h)
  kSoundex,     // American Soundex of the ASCII letters
  kYear,        // the first four-digit number in the value
  kNameKeys,    // kKoreanName field only: every "FAMILY GIVEN" key of the name
  kFamilyKeys,  // kKoreanName field only: every family-name key
  kGivenKeys,   // kKoreanName field only: every given-name key (catches surname typos)
  kYearWindow,  // kYear field only: its year y (from a year, a date or age at an event)
                // as two keys y and y+1, so that years at most 1 apart share a key
};

// Whether the part names a field (kNameKeys, kFamilyKeys, kGivenKeys,
// kYearWindow) rather than a column.
inline bool reads_field(KeyTransform t) {
  return t == KeyTransform::kNameKeys || t == KeyTransform::kFamilyKeys || t == KeyTransform::kGivenKeys ||
         t == KeyTransform::kYearWindow;
}

struct KeyPart {
  std::string column;  // a column, or (reads_field) a field's name
  KeyTransform transform = KeyTransform::kExact;
  int length = 0;      // kPrefix
};

// Pairs of records whose keys are equal; a record with an empty part has no
// key under the rule. A rule may give a record several keys (kNameKeys).
struct BlockingRule {
  std::string name;  // shown by --count-pairs
  std::vector<KeyPart> parts;
};

enum class LinkType {
  kDedupeAndLink,  // every pair of records (default)
  kLinkOnly,       // only pairs from different sources
  kDedupeOnly,     // only pairs within one source
};

enum class ClusterMethod {
  kGuarded,     // merge clusters best link first, only where the clusters hold together (default)
  kComponents,  // connected components of links above the threshold (transitive closure)
};

struct ClusterSpec {
  ClusterMethod method = ClusterMethod::kGuarded;
  // kGuarded: two clusters merge only if the mean match probability over
  // all their cross pairs (unscored pairs count as 0) is at least this.
  double min_cohesion = 0.5;
  bool one_per_list = false;  // at most one record per list in an entity
  // kGuarded: cross pairs without a score (never proposed by blocking, or
  // below the review floor) are scored by the model rather than counted as 0.
  bool score_unscored = true;
};

struct LinkSpec {
  std::vector<FieldSpec> fields;
  std::vector<BlockingRule> blocking;
  // Deterministic rules for the match prior: each a list of field names that
  // must all agree exactly (a korean_name field: exact or same key, i.e. the
  // same name in any script or romanisation). Expected matches = pairs meeting any rule /
  // prior_recall. Without rules the prior is estimated from the blocked
  // pairs by EM.
  std::vector<std::vector<std::string>> prior_rules;
  double prior_recall = 0.9;
  double threshold = 0.5;      // match probability at which two records link
  double review_floor = 0.01;  // pairs kept for output and clustering
  LinkType link_type = LinkType::kDedupeAndLink;
  ClusterSpec clustering;
  std::uint64_t u_sample_pairs = 50'000;  // random pairs for u
  std::uint64_t seed = 1;
  int em_iterations = 100;
  // After the per-rule sessions, refit m (and an EM prior) by one EM over
  // all candidate pairs with the term-frequency adjustment (pattern_em.h).
  // Unbiased where errors are dependent and blocking keeps nearly every
  // match; where blocking loses many matches it underestimates the m of
  // disagreement levels.
  bool joint_em = false;
  int threads = 0;             // 0: every hardware thread
  bool explain = false;        // keep per-field weights of the kept pairs
};

}  // namespace uncounted::link
