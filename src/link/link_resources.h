// Reference tables some comparators need, loaded by the caller (the link
// module does no I/O): the Korean name analyser (kKoreanName fields and the
// kNameKeys / kFamilyKeys blocking transforms) and the place gazetteer
// (kPlace fields). A spec that needs a missing table is an Error.
//
// Ownership: shared, immutable. Thread safety: read concurrently.
#pragma once

#include <memory>

#include "normalize/gazetteer.h"
#include "normalize/korean_name.h"

namespace uncounted::link {

struct LinkResources {
  std::shared_ptr<const normalize::NameAnalyzer> names;
  std::shared_ptr<const normalize::Gazetteer> places;
};

}  // namespace uncounted::link
