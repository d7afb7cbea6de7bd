#include "app/link_default_config.h"

namespace uncounted {

LinkConfig default_link_config(const std::set<std::string>& present) {
  using link::ComparatorKind;
  using link::KeyTransform;
  LinkConfig config;
  auto& spec = config.spec;
  auto has = [&](const char* c) { return present.count(c) > 0; };
  auto use = [&](const std::string& c) {
    if (!c.empty()) config.columns.emplace(c, SourceLocation{"(default config)", 0, 0});
  };
  const bool any_name = has("full_name") || has("family_name") || has("given_name") || has("name_hangul") ||
                        has("name_hanzi");
  if (any_name) {
    link::FieldSpec name;
    name.name = "name";
    name.kind = ComparatorKind::kKoreanName;
    if (has("full_name")) name.full_column = "full_name";
    if (has("family_name")) name.family_column = "family_name";
    if (has("given_name")) name.given_column = "given_name";
    if (has("name_hangul")) name.hangul_column = "name_hangul";
    if (has("name_hanzi")) name.hanzi_column = "name_hanzi";
    name.term_frequency = true;
    for (const auto* c : {&name.full_column, &name.family_column, &name.given_column, &name.hangul_column,
                          &name.hanzi_column})
      use(*c);
    spec.fields.push_back(name);
  }
  if (has("sex")) {
    link::FieldSpec sex;
    sex.name = "sex";
    sex.kind = ComparatorKind::kExact;
    sex.columns = {"sex"};
    use("sex");
    spec.fields.push_back(sex);
  }
  bool has_year = false;  // a birth_year field (from a year, a date or age at an event)
  if (has("birth_year") || has("birth_date") || has("age")) {
    link::FieldSpec year;
    year.name = "birth_year";
    year.kind = ComparatorKind::kYear;
    for (const char* c : {"birth_year", "birth_date"})
      if (has(c)) {
        year.columns.push_back(c);
        use(c);
      }
    if (has("age") && has("event_date")) {
      year.age_column = "age";
      year.reference_date_column = "event_date";
      use("age");
      use("event_date");
    }
    year.thresholds = {1, 3};
    if (!year.columns.empty() || !year.age_column.empty()) {
      spec.fields.push_back(year);
      has_year = true;
    }
  }
  for (const char* c : {"origin_place", "event_place"})
    if (has(c)) {
      link::FieldSpec place;
      place.name = c;
      place.kind = ComparatorKind::kPlace;
      place.columns = {c};
      use(c);
      spec.fields.push_back(place);
    }
  if (has("event_date")) {
    link::FieldSpec date;
    date.name = "event_date";
    date.kind = ComparatorKind::kDate;
    date.columns = {"event_date"};
    date.thresholds = {31, 365};
    use("event_date");
    spec.fields.push_back(date);
  }
  if (any_name) {
    spec.blocking.push_back({"name keys", {{"name", KeyTransform::kNameKeys, 0}}});
    // Birth years within one year of each other, also those derived from an
    // age at an event; the given-name rule catches a misspelt surname.
    if (has_year)
      spec.blocking.push_back({"family name & birth year ±1", {{"name", KeyTransform::kFamilyKeys, 0},
                                                               {"birth_year", KeyTransform::kYearWindow, 0}}});
    if (has("origin_place"))
      spec.blocking.push_back({"family name & origin", {{"name", KeyTransform::kFamilyKeys, 0},
                                                        {"origin_place", KeyTransform::kExact, 0}}});
    if (has_year)
      spec.blocking.push_back({"given name & birth year ±1", {{"name", KeyTransform::kGivenKeys, 0},
                                                              {"birth_year", KeyTransform::kYearWindow, 0}}});
    spec.prior_rules.push_back({"name"});
    if (has("birth_year") || has("birth_date")) spec.prior_rules.back().push_back("birth_year");
  } else if (has("birth_year")) {
    spec.blocking.push_back({"birth year", {{"birth_year", KeyTransform::kExact, 0}}});
  }
  spec.prior_recall = 0.8;
  // m by one EM over all candidate pairs, term-frequency adjusted as they are
  // scored: every rule reads the name, so no per-rule session sees the name
  // free of the blocking, and sessions without the term-frequency
  // adjustment take pairs of common names (김영희 born the same year) for
  // matches (docs/LINKAGE.md, "Default config: what changed").
  spec.joint_em = any_name;
  return config;
}

}  // namespace uncounted
