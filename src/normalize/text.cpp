#include "normalize/text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>

#include <cstdlib>
#include <optional>

#include "base/utf8.h"

namespace uncounted::normalize {
namespace {

constexpr const char* kInvalidUtf8 = "text is not valid UTF-8";

std::optional<icu::UnicodeString> to_icu(std::string_view utf8) {
  if (!decode_utf8(utf8)) return std::nullopt;
  return icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
}

std::string from_icu(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

// Applies one of ICU's normalisers; ICU failures here can only be internal
// (data missing), which is a broken installation: abort loudly.
icu::UnicodeString apply(const icu::Normalizer2* (*get)(UErrorCode&),
                         const icu::UnicodeString& s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* norm = get(status);
  if (U_FAILURE(status)) std::abort();
  icu::UnicodeString out = norm->normalize(s, status);
  if (U_FAILURE(status)) std::abort();
  return out;
}

}  // namespace

Result<std::string> to_nfc(std::string_view utf8) {
  auto s = to_icu(utf8);
  if (!s) return fail(kInvalidUtf8);
  return from_icu(apply(&icu::Normalizer2::getNFCInstance, *s));
}

Result<std::string> fold_for_matching(std::string_view utf8) {
  auto s = to_icu(utf8);
  if (!s) return fail(kInvalidUtf8);
  icu::UnicodeString folded = apply(&icu::Normalizer2::getNFKCCasefoldInstance, *s);
  return from_icu(apply(&icu::Normalizer2::getNFCInstance, folded));
}

Result<std::string> strip_diacritics(std::string_view utf8) {
  auto s = to_icu(utf8);
  if (!s) return fail(kInvalidUtf8);
  icu::UnicodeString folded = apply(&icu::Normalizer2::getNFKCCasefoldInstance, *s);
  icu::UnicodeString decomposed = apply(&icu::Normalizer2::getNFDInstance, folded);
  icu::UnicodeString kept;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    if (u_charType(c) != U_NON_SPACING_MARK) kept.append(c);
    i += U16_LENGTH(c);
  }
  return from_icu(apply(&icu::Normalizer2::getNFCInstance, kept));
}

std::string latin_letters(std::string_view utf8) {
  auto folded = strip_diacritics(utf8);
  if (!folded) return {};
  std::string out;
  for (char c : *folded) {
    if (c >= 'a' && c <= 'z') out += c;
  }
  return out;
}

Script detect_script(std::string_view utf8) {
  auto cps = decode_utf8(utf8);
  if (!cps) return Script::kOther;
  Script seen = Script::kNone;
  for (char32_t cp : *cps) {
    const auto c = static_cast<UChar32>(cp);
    if (!u_isalpha(c)) continue;
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode code = uscript_getScript(c, &status);
    Script s = Script::kOther;
    switch (code) {
      case USCRIPT_COMMON:
      case USCRIPT_INHERITED:
        continue;
      case USCRIPT_HANGUL:
        s = Script::kHangul;
        break;
      case USCRIPT_HAN:
        s = Script::kHan;
        break;
      case USCRIPT_LATIN:
        s = Script::kLatin;
        break;
      default:
        s = Script::kOther;
        break;
    }
    if (seen == Script::kNone) {
      seen = s;
    } else if (seen != s) {
      if (seen == Script::kOther || s == Script::kOther) return Script::kOther;
      seen = Script::kMixed;
    }
  }
  return seen;
}

}  // namespace uncounted::normalize
