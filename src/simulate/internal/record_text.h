// How sources write places and dates.
//
// Thread safety: pure functions (the Rng is advanced).
#pragma once

#include <string>

#include "base/partial_date.h"
#include "normalize/gazetteer.h"
#include "simulate/name_style.h"
#include "simulate/random.h"

namespace uncounted::simulate::internal {

// `place` written in `style`: Hangul (South or North form, with or without
// the generic), a romanisation (DPRK ASCII, RR, MR, MR ASCII), or for
// kPinyin the hanzi where known, else Pinyin / DPRK ASCII. Provinces in
// Latin styles get their English names ("North Hamgyong").
std::string place_text(const normalize::Place& place, NameStyle style, Rng& rng);

// `date` at `precision` (day, month, season or year), as English/ISO text
// ("2006-10-09", "October 2006", "spring 2004", "about 2006") or Korean
// ("2006년 10월 9일", "2004년 봄", "2006년경"). Every text parses with
// parse_partial_date and its interval contains `date`.
std::string date_text(const CivilDate& date, DatePrecision precision, bool korean, Rng& rng);

}  // namespace uncounted::simulate::internal
