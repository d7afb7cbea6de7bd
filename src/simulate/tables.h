// The reference tables the simulator reads (all from the normalize module).
//
// Ownership: the caller owns the tables; they must outlive every call that
// is given this struct. `hanja` may be null: then no source may use the
// Pinyin style (simulate() returns an Error), and people still get hanja
// names from the simulator's own syllable table.
// Thread safety: the tables are only read.
#pragma once

#include "normalize/gazetteer.h"
#include "normalize/hanja.h"
#include "normalize/surnames.h"

namespace uncounted::simulate {

struct KoreanTables {
  const normalize::SurnameTable* surnames = nullptr;  // required
  const normalize::Gazetteer* gazetteer = nullptr;    // required
  const normalize::HanjaReadings* hanja = nullptr;    // optional (Pinyin style)
};

}  // namespace uncounted::simulate
