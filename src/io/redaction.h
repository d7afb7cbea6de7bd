// Redaction profiles for exports and reports (DESIGN.md section 7).
//
//   none      everything as stored (export without --redact). For backups
//             and the team that holds the store; treat the file like the
//             store itself.
//   internal  for analysts inside the organisation: everything except the
//             free-text notes (which may hold anything); real record ids.
//   partner   for a partner organisation: no names in any script, no notes,
//             birth date no finer than year, pseudonymous record ids; event
//             dates and places as stored (needed to compare events).
//   public    (the default of --redact) for publication: no names, no notes,
//             no birth date, birth year or age, event dates no finer than
//             year, pseudonymous record ids; the export then makes the
//             file k-anonymous (io/k_anonymity.h), which redact() alone,
//             one record at a time, cannot do.
// Pseudonymous ids are "p" + 32 hex digits of BLAKE2b keyed with the key the
// caller's `pseudonymize` holds, over (profile, source, record_id):
// irreversible without the key. Export uses the store's pseudonym key for
// partner (stable across exports, unlinkable across profiles and stores;
// the key never leaves the store) and a key drawn for each public export
// (app/store_export.h).
//
// Thread safety: values.
#pragma once

#include <functional>
#include <string>

#include "base/case_record.h"
#include "base/result.h"

namespace uncounted {

enum class RedactionProfile { none, internal, partner, public_ };

// "none", "internal", "partner", "public"; Error names the valid ones.
Result<RedactionProfile> parse_redaction_profile(const std::string& name);
const char* to_string(RedactionProfile profile);

// Computes the pseudonym of (profile name, source, record_id).
using Pseudonymizer = std::function<std::string(const std::string& message)>;

// `record` with what `profile` removes removed (fields emptied, dates
// coarsened, record_id replaced). `pseudonymize` is used by profiles with
// pseudonymous ids.
CaseRecord redact(const CaseRecord& record, RedactionProfile profile, const Pseudonymizer& pseudonymize);

// True if `profile` drops every value of the column (so exports leave it out).
bool drops_column(RedactionProfile profile, std::string_view column);

}  // namespace uncounted
