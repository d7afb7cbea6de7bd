#include "simulate/name_style.h"

#include <cstdlib>

#include "normalize/hangul.h"
#include "normalize/romanize.h"
#include "simulate/internal/adhoc.h"
#include "simulate/internal/inventory.h"
#include "base/utf8.h"
#include "simulate/internal/text_util.h"

namespace uncounted::simulate {
namespace {

using internal::capitalize_first;
using internal::lower_ascii;
using internal::split_any;

std::string romanized_or_abort(std::string_view family, std::string_view given,
                               normalize::Romanization system) {
  auto r = normalize::romanize_name(family, given, system);
  if (!r) std::abort();  // the simulator's names are valid Hangul (tested)
  return *r;
}

// Splits "Kim Yong Chol" / "Gim Yeong-cheol" into the family token and the
// given-name syllables.
void split_romanized(const std::string& full, std::string& family,
                     std::vector<std::string>& syllables) {
  const std::size_t space = full.find(' ');
  family = full.substr(0, space);
  syllables = space == std::string::npos ? std::vector<std::string>{}
                                         : split_any(full.substr(space + 1), " -");
}

std::string join_given(const std::vector<std::string>& syllables, const NameForm& form, Rng& rng) {
  if (syllables.empty()) return {};
  const double w[3] = {form.spaced, form.hyphenated, form.joined};
  const std::size_t how = rng.weighted(w);
  const bool capitalize_rest = how == 0 || (how == 1 && rng.bernoulli(0.2));
  std::string out = capitalize_first(syllables[0]);
  for (std::size_t i = 1; i < syllables.size(); ++i) {
    if (how == 0) out += ' ';
    if (how == 1) out += '-';
    out += capitalize_rest ? capitalize_first(syllables[i]) : syllables[i];
  }
  return out;
}

// The usual South spelling (Lee, Park, Choi) most of the time, otherwise
// a listed alternative (Yi, Rhee); surnames not listed: `fallback`.
std::string south_surname_spelling(std::string_view hangul_south, const std::string& fallback,
                                   double usual_rate, Rng& rng) {
  const auto spellings = split_any(internal::south_surname_spellings(hangul_south), "|");
  if (spellings.empty()) return fallback;
  if (spellings.size() == 1 || rng.bernoulli(usual_rate)) return spellings[0];
  return spellings[1 + rng.below(spellings.size() - 1)];
}

std::string pinyin_of(const KoreanTables& tables, std::string_view han, bool tones) {
  std::string out;
  for (const auto& ch : internal::characters(han)) {
    std::string_view override_reading = internal::surname_pinyin_override(ch);
    std::string reading = override_reading.empty() ? tables.hanja->mandarin(decode_utf8_lossy(ch)[0])
                                                   : std::string(override_reading);
    out += tones ? reading : internal::strip_tones(reading);
  }
  return out;
}

}  // namespace

const char* to_string(NameStyle style) {
  switch (style) {
    case NameStyle::kHangulSouth: return "hangul_south";
    case NameStyle::kDprkAscii: return "dprk_ascii";
    case NameStyle::kSouthAdHoc: return "south_adhoc";
    case NameStyle::kRrCapitals: return "rr_capitals";
    case NameStyle::kMrDiacritics: return "mr_diacritics";
    case NameStyle::kPinyin: return "pinyin";
  }
  return "?";
}

std::optional<NameStyle> name_style_from_string(std::string_view name) {
  for (NameStyle s : {NameStyle::kHangulSouth, NameStyle::kDprkAscii, NameStyle::kSouthAdHoc,
                      NameStyle::kRrCapitals, NameStyle::kMrDiacritics, NameStyle::kPinyin})
    if (name == to_string(s)) return s;
  return std::nullopt;
}

NameParts write_name(const Person& person, NameStyle style, const NameForm& form,
                     const KoreanTables& tables, Rng& rng) {
  NameParts parts;
  const std::u32string given_north = decode_utf8_lossy(person.given_hangul);
  std::u32string given_south = given_north;
  if (!given_south.empty() && rng.bernoulli(form.south_given_rate))
    given_south[0] = normalize::south_form(given_south[0]);

  std::vector<std::string> syllables;
  switch (style) {
    case NameStyle::kHangulSouth: {
      parts.hangul = true;
      parts.family = person.family_hangul_south;
      parts.given = encode_utf8(given_south);
      parts.space = rng.bernoulli(form.space_in_hangul_rate);
      return parts;
    }
    case NameStyle::kDprkAscii: {
      split_romanized(romanized_or_abort(person.family_hangul, person.given_hangul,
                                         normalize::Romanization::kDprkAscii),
                      parts.family, syllables);
      for (auto& s : syllables) s = lower_ascii(s);
      break;
    }
    case NameStyle::kSouthAdHoc: {
      std::string fallback;
      for (const auto& s : internal::adhoc_syllables(decode_utf8_lossy(person.family_hangul_south), rng))
        fallback += s;
      parts.family = south_surname_spelling(person.family_hangul_south, capitalize_first(fallback), 0.8, rng);
      syllables = internal::adhoc_syllables(given_south, rng);
      break;
    }
    case NameStyle::kRrCapitals: {
      std::string rr_family;
      split_romanized(romanized_or_abort(person.family_hangul_south, encode_utf8(given_south),
                                         normalize::Romanization::kRevised),
                      rr_family, syllables);
      const bool traditional = rng.bernoulli(0.85);
      parts.family = internal::upper_ascii(
          traditional ? south_surname_spelling(person.family_hangul_south, rr_family, 0.9, rng) : rr_family);
      for (auto& s : syllables) s = lower_ascii(s);
      break;
    }
    case NameStyle::kMrDiacritics: {
      split_romanized(romanized_or_abort(person.family_hangul_south, encode_utf8(given_south),
                                         normalize::Romanization::kMcCuneReischauer),
                      parts.family, syllables);
      if (person.family_hangul_south == "이") parts.family = "Yi";  // ALA-LC practice
      for (auto& s : syllables) s = lower_ascii(s);
      break;
    }
    case NameStyle::kPinyin: {
      if (tables.hanja == nullptr) std::abort();  // simulate() checks
      // PRC documents sometimes write names in capitals (then without tones).
      const bool capitals = rng.bernoulli(0.1);
      const bool tones = !capitals && rng.bernoulli(0.15);
      parts.family = capitalize_first(pinyin_of(tables, person.family_hanja, tones));
      for (const auto& ch : internal::characters(person.given_hanja))
        syllables.push_back(pinyin_of(tables, ch, tones));
      if (rng.bernoulli(form.hanzi_rate)) parts.hanzi = person.name_hanzi;
      if (capitals) {
        parts.family = internal::upper_ascii(parts.family);
        for (auto& s : syllables) s = internal::upper_ascii(s);
      }
      break;
    }
  }
  parts.given = join_given(syllables, form, rng);
  parts.given_first = rng.bernoulli(form.given_first_rate);
  parts.comma = !parts.given_first && rng.bernoulli(form.comma_rate);
  return parts;
}

WrittenName compose(const NameParts& parts, const NameForm& form) {
  WrittenName w;
  if (parts.hangul) {
    w.name_hangul = parts.family + parts.given;
    w.full_name = parts.space ? parts.family + " " + parts.given : w.name_hangul;
  } else if (parts.given.empty()) {
    w.full_name = parts.family;
  } else if (parts.family.empty()) {
    w.full_name = parts.given;
  } else if (parts.given_first) {
    w.full_name = parts.given + " " + parts.family;
  } else if (parts.comma) {
    w.full_name = parts.family + ", " + parts.given;
  } else {
    w.full_name = parts.family + " " + parts.given;
  }
  w.name_hanzi = parts.hanzi;
  if (form.split_fields) {
    w.family_name = parts.family;
    w.given_name = parts.given;
  }
  return w;
}

}  // namespace uncounted::simulate
