#include "normalize/surnames.h"

#include <algorithm>
#include <cstdlib>

#include "base/csv_reader.h"
#include "normalize/hangul.h"
#include "normalize/internal/romanizer.h"
#include "base/utf8.h"
#include "normalize/phonetic_key.h"
#include "normalize/text.h"

namespace uncounted::normalize {
namespace {

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    const std::size_t end = s.find(sep, start);
    const std::string_view part =
        s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (!part.empty()) out.emplace_back(part);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

void add_unique(std::vector<std::string>& v, std::string s) {
  if (!s.empty() && std::find(v.begin(), v.end(), s) == v.end()) v.push_back(std::move(s));
}

void index(std::unordered_map<std::string, std::vector<std::size_t>>& map, const std::string& k,
           std::size_t i) {
  if (k.empty()) return;
  auto& v = map[k];
  if (std::find(v.begin(), v.end(), i) == v.end()) v.push_back(i);
}

}  // namespace

Result<SurnameTable> SurnameTable::parse(std::string_view csv_text, const std::string& file_name) {
  auto table = parse_csv(csv_text, file_name);
  if (!table) return tl::unexpected(table.error());
  auto column = [&](std::string_view name) -> long {
    const auto it = std::find(table->header.begin(), table->header.end(), name);
    return it == table->header.end() ? -1 : static_cast<long>(it - table->header.begin());
  };
  const long c_south = column("hangul_south");
  const long c_north = column("hangul_north");
  if (c_south < 0 || c_north < 0) {
    return fail(SourceLocation{file_name, table->header_line, 0},
                "surname table needs columns hangul_south and hangul_north");
  }
  const long c_hanja = column("hanja_main");
  const long c_pinyin = column("pinyin_of_hanja");
  const long c_pop = column("pop2015_thousands_approx");
  const std::vector<long> c_spell = {column("rr"), column("mr"), column("dprk1992_simplified"),
                                     column("common_spellings")};
  const long c_keys = column("phonetic_keys");

  SurnameTable out;
  for (const CsvRow& row : table->rows) {
    auto field = [&](long c) -> std::string {
      return (c >= 0 && static_cast<std::size_t>(c) < row.fields.size())
                 ? row.fields[static_cast<std::size_t>(c)]
                 : std::string();
    };
    Surname s;
    auto south = to_nfc(field(c_south));
    auto north = to_nfc(field(c_north));
    if (!south || !north || south->empty()) {
      return fail(SourceLocation{file_name, row.line, c_south + 1},
                  "surname row without a valid Hangul form");
    }
    s.hangul_south = *south;
    s.hangul_north = north->empty() ? *south : *north;
    s.hanja = field(c_hanja);
    for (long c : c_spell) {
      for (auto& sp : split(field(c), '|')) add_unique(s.spellings, sp);
    }
    for (auto& k : split(field(c_keys), '|')) add_unique(s.keys, k);
    for (const auto& sp : s.spellings) add_unique(s.keys, phonetic_key(sp));
    // Our own romanisations of both Hangul forms, so that keys of generated
    // spellings are always present.
    for (const std::string& h : {s.hangul_south, s.hangul_north}) {
      auto cps = decode_utf8(h);
      if (!cps || !is_hangul_word(*cps)) continue;
      for (Romanization r : {Romanization::kRevised, Romanization::kMcCuneReischauer,
                             Romanization::kDprk1992}) {
        add_unique(s.keys, phonetic_key(internal::word_romanization(*cps, r)));
      }
    }
    s.population_thousands = std::strtod(field(c_pop).c_str(), nullptr);
    const std::size_t i = out.entries_.size();
    index(out.by_hangul_, s.hangul_south, i);
    index(out.by_hangul_, s.hangul_north, i);
    index(out.by_hangul_, s.hanja, i);
    for (const auto& sp : s.spellings) index(out.by_latin_, latin_letters(sp), i);
    // Pinyin of the hanja, syllables joined ("nán gōng" -> "nangong").
    index(out.by_latin_, latin_letters(field(c_pinyin)), i);
    for (const auto& k : s.keys) index(out.by_key_, k, i);
    out.total_population_ += s.population_thousands;
    out.entries_.push_back(std::move(s));
  }
  return out;
}

const Surname* SurnameTable::find_hangul(std::string_view text) const {
  const auto it = by_hangul_.find(std::string(text));
  return it == by_hangul_.end() ? nullptr : &entries_[it->second.front()];
}

std::vector<const Surname*> SurnameTable::find_latin(std::string_view spelling) const {
  std::vector<const Surname*> out;
  const auto it = by_latin_.find(latin_letters(spelling));
  if (it != by_latin_.end()) {
    for (std::size_t i : it->second) out.push_back(&entries_[i]);
  }
  return out;
}

std::vector<const Surname*> SurnameTable::find_key(std::string_view key) const {
  std::vector<const Surname*> out;
  const auto it = by_key_.find(std::string(key));
  if (it != by_key_.end()) {
    for (std::size_t i : it->second) out.push_back(&entries_[i]);
  }
  return out;
}

double SurnameTable::population_share(const Surname& s) const {
  return total_population_ > 0 ? s.population_thousands / total_population_ : 0;
}

}  // namespace uncounted::normalize
