#include "normalize/gazetteer.h"

#include <algorithm>
#include <array>

#include "base/csv_reader.h"
#include "normalize/hangul.h"
#include "normalize/internal/romanizer.h"
#include "base/utf8.h"
#include "normalize/phonetic_key.h"
#include "normalize/text.h"

namespace uncounted::normalize {
namespace {

enum class Generic { kNone, kProvince, kLocal };

struct Forms {
  std::vector<std::string> literal;  // the spelling as written (most exact first)
  std::vector<std::string> stems;    // the same with a generic ending removed
  std::string key;                   // phonetic key (Latin input only)
  Generic generic = Generic::kNone;
};

struct Suffix {
  std::u32string_view text;
  Generic generic;
};
constexpr std::array<Suffix, 8> kHangulGenerics{{{U"특별시", Generic::kProvince},
                                                 {U"직할시", Generic::kProvince},
                                                 {U"구역", Generic::kLocal},
                                                 {U"지구", Generic::kLocal},
                                                 {U"시", Generic::kLocal},
                                                 {U"군", Generic::kLocal},
                                                 {U"구", Generic::kLocal},
                                                 {U"도", Generic::kProvince}}};
constexpr std::array<Suffix, 9> kHanGenerics{{{U"市", Generic::kLocal},
                                              {U"縣", Generic::kLocal},
                                              {U"县", Generic::kLocal},
                                              {U"郡", Generic::kLocal},
                                              {U"鎮", Generic::kLocal},
                                              {U"镇", Generic::kLocal},
                                              {U"區", Generic::kLocal},
                                              {U"区", Generic::kLocal},
                                              {U"道", Generic::kProvince}}};

Generic latin_generic(std::string_view t) {
  static constexpr std::array<std::string_view, 3> kProvince{"province", "do", "to"};
  static constexpr std::array<std::string_view, 18> kLocal{
      "city", "county", "si",   "shi",      "gun",  "kun",  "guyok", "kuyok", "gu",
      "ku",   "jigu",   "chigu", "district", "xian", "zhen", "town",  "ri",    "ni"};
  if (std::find(kProvince.begin(), kProvince.end(), t) != kProvince.end()) {
    return Generic::kProvince;
  }
  if (std::find(kLocal.begin(), kLocal.end(), t) != kLocal.end()) return Generic::kLocal;
  return Generic::kNone;
}

bool ends_with(std::u32string_view s, std::u32string_view suffix) {
  return s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

template <std::size_t N>
void add_stems(std::u32string_view word, const std::array<Suffix, N>& generics,
               const char* prefix, bool south, Forms& out) {
  auto add = [&](std::u32string_view w, std::vector<std::string>& to) {
    to.push_back(prefix + encode_utf8(w));
    if (south) {
      const std::u32string s = south_form(w);
      if (s != w) to.push_back(prefix + encode_utf8(s));
    }
  };
  add(word, out.literal);
  for (const Suffix& g : generics) {
    if (ends_with(word, g.text)) {
      add(word.substr(0, word.size() - g.text.size()), out.stems);
      out.generic = g.generic;
      break;
    }
  }
}

Forms spelling_forms(std::string_view spelling) {
  Forms out;
  auto folded = fold_for_matching(spelling);
  if (!folded) return out;
  auto cps = decode_utf8(*folded);
  if (!cps) return out;
  const Script script = detect_script(*folded);
  if (script == Script::kHangul || script == Script::kHan) {
    std::u32string letters;
    for (char32_t c : *cps) {
      if (c == U' ' || c == U'-' || c == U'·' || c == U',' || c == U'(' || c == U')') continue;
      letters += c;
    }
    if (script == Script::kHangul) {
      add_stems(letters, kHangulGenerics, "h:", true, out);
    } else {
      add_stems(letters, kHanGenerics, "z:", false, out);
    }
    return out;
  }
  if (script != Script::kLatin) return out;
  // Latin: words at spaces, hyphens and punctuation; generics dropped.
  // Each word is kept twice: with its diacritics (Ŭnsan, to tell 은산 from
  // 운산) and as plain letters.
  std::vector<std::pair<std::string, std::string>> tokens;  // (marked, plain)
  std::string current;
  auto flush = [&] {
    std::string marked;
    for (char c : current) {
      if ((c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80) marked += c;
    }
    std::string plain = latin_letters(current);
    if (!plain.empty()) tokens.emplace_back(std::move(marked), std::move(plain));
    current.clear();
  };
  for (char c : *folded) {
    if (c == ' ' || c == '-' || c == ',' || c == '(' || c == ')' || c == '/' || c == '.') {
      flush();
    } else {
      current += c;
    }
  }
  flush();
  while (tokens.size() > 1 && latin_generic(tokens.back().second) != Generic::kNone) {
    out.generic = latin_generic(tokens.back().second);
    tokens.pop_back();
  }
  if (tokens.size() > 1 && (tokens.front().second == "north" || tokens.front().second == "south")) {
    const std::string side = tokens.front().second == "north" ? "buk" : "nam";
    tokens.erase(tokens.begin());
    tokens.back().first += side;  // North Hamgyong -> hamgyongbuk
    tokens.back().second += side;
  }
  std::string joined;
  std::string marked;
  for (const auto& t : tokens) {
    marked += t.first;
    joined += t.second;
  }
  if (joined.empty()) return out;
  if (marked != joined) out.literal.push_back("d:" + marked);
  out.literal.push_back("l:" + joined);
  for (std::string_view g : {"guyok", "kuyok", "si", "shi", "gun", "kun", "do", "to"}) {
    if (joined.size() > g.size() + 2 && joined.compare(joined.size() - g.size(), g.size(), g) == 0) {
      out.stems.push_back("l:" + joined.substr(0, joined.size() - g.size()));
    }
  }
  out.key = phonetic_key_ascii(joined);
  return out;
}

std::vector<std::string> split_bar(std::string_view s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    const std::size_t end = s.find('|', start);
    const auto part = s.substr(start, end == std::string_view::npos ? end : end - start);
    if (!part.empty()) out.emplace_back(part);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

struct Columns {
  const CsvTable* table;
  const std::string* file;
  long find(std::string_view name) const {
    const auto it = std::find(table->header.begin(), table->header.end(), name);
    return it == table->header.end() ? -1 : static_cast<long>(it - table->header.begin());
  }
};

std::string field(const CsvRow& row, long c) {
  return (c >= 0 && static_cast<std::size_t>(c) < row.fields.size())
             ? row.fields[static_cast<std::size_t>(c)]
             : std::string();
}

Result<std::vector<long>> require(const Columns& cols, std::initializer_list<const char*> names) {
  std::vector<long> out;
  for (const char* n : names) {
    const long c = cols.find(n);
    if (c < 0) {
      return fail(SourceLocation{*cols.file, cols.table->header_line, 0},
                  std::string("missing column ") + n);
    }
    out.push_back(c);
  }
  return out;
}

}  // namespace

std::size_t Gazetteer::add_place(Place p) {
  const auto it = by_id_.find(p.id);
  if (it != by_id_.end()) return it->second;
  const std::size_t i = places_.size();
  by_id_[p.id] = i;
  places_.push_back(std::move(p));
  return i;
}

void Gazetteer::add_spelling(std::size_t place, std::string_view spelling) {
  const Forms f = spelling_forms(spelling);
  auto index = [&](std::unordered_map<std::string, std::vector<std::size_t>>& map,
                   const std::string& k) {
    if (k.empty()) return;
    auto& v = map[k];
    if (std::find(v.begin(), v.end(), place) == v.end()) v.push_back(place);
  };
  // Only literal forms: stripping a generic-looking ending from a listed
  // name could invent a wrong name.
  for (const auto& form : f.literal) index(by_form_, form);
  index(by_key_, f.key);
}

Result<Gazetteer> Gazetteer::parse(std::string_view kp_admin_csv, const std::string& kp_file_name,
                                   std::string_view china_places_csv,
                                   const std::string& china_file_name) {
  Gazetteer g;
  auto kp = parse_csv(kp_admin_csv, kp_file_name);
  if (!kp) return tl::unexpected(kp.error());
  const Columns kc{&*kp, &kp_file_name};
  auto kcols = require(kc, {"level", "oad_id", "hangul", "specific", "parent_hangul", "hanja",
                            "dprk_simplified"});
  if (!kcols) return tl::unexpected(kcols.error());
  const long c_level = (*kcols)[0], c_id = (*kcols)[1], c_hangul = (*kcols)[2],
             c_specific = (*kcols)[3], c_parent = (*kcols)[4], c_hanja = (*kcols)[5],
             c_dprk = (*kcols)[6];
  const std::vector<long> c_latin = {kc.find("rr"), kc.find("mr_south"), kc.find("mr_bgn_dprk"),
                                     kc.find("dprk1992"), c_dprk, kc.find("name_en_source")};
  const long c_variants = kc.find("ascii_variants");

  // Province ids come from the prefix their cities share: first pass.
  std::unordered_map<std::string, std::string> province_id;  // Hangul -> id
  for (const auto& row : kp->rows) {
    const std::string id = field(row, c_id);
    if (field(row, c_level) == "city/county" && id.size() >= 4) {
      province_id.emplace(field(row, c_parent), id.substr(0, 4));
    }
  }
  for (const auto& row : kp->rows) {
    const std::string level = field(row, c_level);
    const std::string hangul = field(row, c_hangul);
    const std::string specific = field(row, c_specific);
    if (hangul.empty() || specific.empty()) {
      return fail(SourceLocation{kp_file_name, row.line, c_hangul + 1}, "place without Hangul");
    }
    Place p;
    p.country = "KP";
    p.level = level;
    p.hangul = hangul;
    p.name = field(row, c_dprk);
    if (level == "province") {
      const auto it = province_id.find(hangul);
      p.id = it != province_id.end() ? it->second : "KP-" + p.name;
    } else {
      p.id = field(row, c_id);
      if (p.id.empty()) {
        return fail(SourceLocation{kp_file_name, row.line, c_id + 1}, "city/county without id");
      }
      const auto it = province_id.find(field(row, c_parent));
      if (it != province_id.end()) p.parent_id = it->second;
    }
    const std::size_t i = g.add_place(std::move(p));
    g.add_spelling(i, hangul);
    g.add_spelling(i, specific);
    g.add_spelling(i, field(row, c_hanja));
    for (long c : c_latin) g.add_spelling(i, field(row, c));
    for (const auto& v : split_bar(field(row, c_variants))) g.add_spelling(i, v);
    for (const std::string& h : {specific, hangul}) {
      const auto cps = decode_utf8(h);
      if (!cps || !is_hangul_word(*cps)) continue;
      for (Romanization r : {Romanization::kRevised, Romanization::kMcCuneReischauer,
                             Romanization::kMcCuneReischauerAscii, Romanization::kDprk1992,
                             Romanization::kDprkAscii}) {
        g.add_spelling(i, internal::word_romanization(*cps, r));
      }
      g.add_spelling(i, internal::rr_word(*cps, false));  // unassimilated (Rangrim)
    }
  }

  auto cn = parse_csv(china_places_csv, china_file_name);
  if (!cn) return tl::unexpected(cn.error());
  const Columns cc{&*cn, &china_file_name};
  auto ccols = require(cc, {"hanzi_traditional", "hanzi_simplified", "pinyin_unihan",
                            "pinyin_ascii", "hangul", "hangul_south_form", "province"});
  if (!ccols) return tl::unexpected(ccols.error());
  const std::vector<long> c_cn_latin = {cc.find("rr"), cc.find("mr"), cc.find("dprk_simplified")};
  for (const auto& row : cn->rows) {
    const std::string hangul = field(row, (*ccols)[4]);
    const std::string pinyin = field(row, (*ccols)[3]);
    if (hangul.empty() || pinyin.empty()) {
      return fail(SourceLocation{china_file_name, row.line, (*ccols)[4] + 1},
                  "place without Hangul or Pinyin");
    }
    std::size_t i = 0;
    if (field(row, (*ccols)[6]) == "DPRK") {
      // The Chinese name of a DPRK place joins that place when the
      // gazetteer knows it (會寧 -> 회령시).
      std::vector<const Place*> known = g.lookup(hangul);
      const Place* unit = nullptr;
      for (const Place* p : known) {
        if (!unit || p->level == "province") unit = p;  // 兩江道 names the province
      }
      if (unit && known.size() == 1) {
        i = static_cast<std::size_t>(unit - g.places_.data());
      } else if (const Place* r = g.resolve(hangul)) {
        i = static_cast<std::size_t>(r - g.places_.data());
      } else {
        const std::string dprk = field(row, c_cn_latin[2]);
        i = g.add_place(Place{"KP-" + (dprk.empty() ? pinyin : dprk), "KP", "place", hangul,
                              dprk, ""});
      }
    } else {
      std::string id = "CN-";
      for (char c : pinyin) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) id += c;
      }
      i = g.add_place(Place{id, "CN", "place", hangul, pinyin, ""});
    }
    for (std::size_t k = 0; k < 6; ++k) g.add_spelling(i, field(row, (*ccols)[k]));
    for (long c : c_cn_latin) g.add_spelling(i, field(row, c));
    for (std::size_t k : {std::size_t{4}, std::size_t{5}}) {
      const auto cps = decode_utf8(field(row, (*ccols)[k]));
      if (!cps || !is_hangul_word(*cps)) continue;
      for (Romanization r : {Romanization::kRevised, Romanization::kMcCuneReischauer,
                             Romanization::kDprkAscii}) {
        g.add_spelling(i, internal::word_romanization(*cps, r));
      }
    }
  }
  return g;
}

std::vector<const Place*> Gazetteer::lookup(std::string_view spelling, PlaceMatch* how) const {
  if (how) *how = PlaceMatch::kNone;
  const Forms f = spelling_forms(spelling);
  std::vector<const Place*> out;
  auto collect = [&](const std::vector<std::size_t>& ids) {
    for (std::size_t i : ids) {
      if (std::find(out.begin(), out.end(), &places_[i]) == out.end()) out.push_back(&places_[i]);
    }
  };
  for (const auto* forms : {&f.literal, &f.stems}) {
    for (const auto& form : *forms) {
      const auto it = by_form_.find(form);
      if (it == by_form_.end()) continue;
      collect(it->second);
      if (how) *how = PlaceMatch::kSpelling;
      return out;
    }
  }
  if (!f.key.empty()) {
    const auto it = by_key_.find(f.key);
    if (it != by_key_.end()) {
      collect(it->second);
      if (how) *how = PlaceMatch::kKey;
    }
  }
  return out;
}

const Place* Gazetteer::resolve(std::string_view spelling) const {
  const auto found = lookup(spelling);
  if (found.size() == 1) return found.front();
  if (found.size() != 2) return nullptr;
  // A province and its own city of the same name.
  const Place* province = found[0]->level == "province" ? found[0] : found[1];
  const Place* city = province == found[0] ? found[1] : found[0];
  if (province->level != "province" || city->parent_id != province->id) return nullptr;
  return spelling_forms(spelling).generic == Generic::kProvince ? province : city;
}

const Place* Gazetteer::find_id(std::string_view id) const {
  const auto it = by_id_.find(std::string(id));
  return it == by_id_.end() ? nullptr : &places_[it->second];
}

}  // namespace uncounted::normalize
