// Unicode text normalisation for matching (ICU 72).
//
// Every function takes UTF-8 and returns UTF-8. Invalid UTF-8 is the one
// error a caller can cause: it comes back as an Error whose message says so
// but never quotes the text (names must not reach logs).
//
// Thread safety: pure functions; ICU's normaliser singletons are immutable
// and safe to share between threads.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace uncounted::normalize {

// The script of a piece of text, judged from its letters only (digits,
// punctuation, spaces and combining marks are ignored).
enum class Script {
  kNone,    // no letters at all (empty, digits, punctuation)
  kHangul,  // Hangul syllables or jamo only
  kHan,     // Han characters (hanja / hanzi) only
  kLatin,   // Latin letters only (any diacritics)
  kMixed,   // letters of more than one of the scripts above
  kOther,   // letters of some other script (Cyrillic, Kana, ...)
};

// Canonical composition (NFC). Some sources store Hangul decomposed into
// conjoining jamo, or ŏ as o + U+0306; both come back precomposed.
Result<std::string> to_nfc(std::string_view utf8);

// NFKC with full Unicode case folding (ICU's NFKC_Casefold): what record
// matching compares. "KIM Yŏng-Ch'ŏl" -> "kim yŏng-ch'ŏl"; compatibility jamo
// (ㄱ U+3131) and full-width letters are mapped to their ordinary forms.
Result<std::string> fold_for_matching(std::string_view utf8);

// fold_for_matching, then every combining mark removed: "Yŏng" -> "yong",
// "Hŭich'ŏn" -> "huich'on". Hangul and Han characters are kept unchanged.
Result<std::string> strip_diacritics(std::string_view utf8);

// The lower-case ASCII letters a-z of strip_diacritics(utf8), everything
// else dropped: the form Latin spellings are compared in ("Ch'oe" -> "choe",
// "Kim Yŏng-ch'ŏl" -> "kimyongchol"). Invalid UTF-8 gives "".
std::string latin_letters(std::string_view utf8);

// The script of `utf8`; invalid UTF-8 is reported as kOther.
Script detect_script(std::string_view utf8);

}  // namespace uncounted::normalize
