#include "io/redaction.h"

namespace uncounted {

Result<RedactionProfile> parse_redaction_profile(const std::string& name) {
  if (name == "none") return RedactionProfile::none;
  if (name == "internal") return RedactionProfile::internal;
  if (name == "partner") return RedactionProfile::partner;
  if (name == "public") return RedactionProfile::public_;
  return fail("unknown redaction profile '" + name + "' (public, partner, internal or none)");
}

const char* to_string(RedactionProfile profile) {
  switch (profile) {
    case RedactionProfile::none: return "none";
    case RedactionProfile::internal: return "internal";
    case RedactionProfile::partner: return "partner";
    case RedactionProfile::public_: return "public";
  }
  return "none";
}

bool drops_column(RedactionProfile profile, std::string_view c) {
  bool names = c == "full_name" || c == "family_name" || c == "given_name" || c == "name_hangul" || c == "name_hanzi";
  switch (profile) {
    case RedactionProfile::none: return false;
    case RedactionProfile::internal: return c == "notes";
    case RedactionProfile::partner: return names || c == "notes";
    // Age goes with the birth year: with an event's date it gives the year
    // to within one.
    case RedactionProfile::public_:
      return names || c == "notes" || c == "birth_date" || c == "birth_year" || c == "age";
  }
  return false;
}

CaseRecord redact(const CaseRecord& record, RedactionProfile profile, const Pseudonymizer& pseudonymize) {
  CaseRecord r = record;
  if (profile == RedactionProfile::none) return r;
  r.notes.clear();
  if (profile == RedactionProfile::internal) return r;
  r.full_name.clear();
  r.family_name.clear();
  r.given_name.clear();
  r.name_hangul.clear();
  r.name_hanzi.clear();
  r.record_id = "p" + pseudonymize(std::string(to_string(profile)) + '\x1f' + record.source + '\x1f' + record.record_id);
  if (profile == RedactionProfile::partner) {
    if (r.birth_date) r.birth_date = coarsen(*r.birth_date, DatePrecision::year);
    return r;
  }
  r.birth_date.reset();
  r.birth_year.reset();
  r.age.reset();
  for (auto& e : r.events)
    if (e.date) e.date = coarsen(*e.date, DatePrecision::year);
  return r;
}

}  // namespace uncounted
