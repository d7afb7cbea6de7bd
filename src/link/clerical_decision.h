// A clerical (reviewer's) decision about two records, which overrides the
// model when records are clustered into entities (DESIGN.md §3: decisions,
// automatic or clerical, are stored, reversible and audited; the store keeps
// them, the link module only applies them).
//
// Records are indices into the RecordTable being linked (the caller maps
// record ids to indices and back). The pair is unordered: {left, right} and
// {right, left} are the same decision.
// Thread safety: a value.
#pragma once

#include <cstdint>

namespace uncounted::link {

// same == true: they are one person (must-link); false: not (cannot-link).
struct ClericalDecision {
  std::uint32_t left = 0, right = 0;
  bool same = true;
};

}  // namespace uncounted::link
