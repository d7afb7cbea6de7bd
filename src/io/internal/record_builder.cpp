#include "io/internal/record_builder.h"

#include <algorithm>
#include <charconv>
#include <ctime>

#include "base/vocabulary.h"

namespace uncounted::internal {
namespace {

constexpr std::size_t kMaxErrorsShown = 20;
constexpr std::size_t kMaxText = 2000;
constexpr std::size_t kMaxNotes = 100000;

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

// Empty if `s` is valid UTF-8 without control characters (newlines and tabs
// allowed when `multiline`), else the reason.
std::string text_problem(const std::string& s, bool multiline) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t n = s.size(), i = 0;
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) {
      if ((c < 0x20 && !(multiline && (c == '\n' || c == '\t' || c == '\r'))) || c == 0x7f)
        return "contains a control character";
      ++i;
      continue;
    }
    std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (len == 0 || c > 0xF4 || i + len > n) return "is not valid UTF-8";
    for (std::size_t k = 1; k < len; ++k)
      if ((p[i + k] & 0xC0) != 0x80) return "is not valid UTF-8";
    if (len == 3 && ((c == 0xE0 && p[i + 1] < 0xA0) || (c == 0xED && p[i + 1] >= 0xA0))) return "is not valid UTF-8";
    if (len == 4 && ((c == 0xF0 && p[i + 1] < 0x90) || (c == 0xF4 && p[i + 1] >= 0x90))) return "is not valid UTF-8";
    i += len;
  }
  return "";
}

std::optional<long> parse_long(const std::string& s) {
  long v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

bool is_person_field(RecordField f) {
  return !is_event_field(f) && f != RecordField::record_id && f != RecordField::source && f != RecordField::list;
}

std::string quoted_list(auto vocabulary) {
  std::string out;
  for (auto v : vocabulary) out += (out.empty() ? "" : ", ") + std::string(v);
  return out;
}

}  // namespace

CivilDate today_utc() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

void RecordBuilder::add_error(const SourceLocation& where, const std::string& message) {
  ++error_count_;
  if (errors_.size() < kMaxErrorsShown) errors_.push_back(Error(where, message).message());
}

void RecordBuilder::error(const Cell& cell, RecordField field, const std::string& reason) {
  add_error({options_.file_name, cell.line, cell.column}, std::string(field_name(field)) + ": " + reason);
}

void RecordBuilder::add(RawRow row) {
  ++rows_;
  std::size_t errors_before = error_count_;
  // Value maps, defaults, trimming and text checks, for every field.
  for (std::size_t i = 0; i < kRecordFieldCount; ++i) {
    auto field = static_cast<RecordField>(i);
    auto& cell = row.cells[i];
    if (options_.mapping) {
      std::string mapped = options_.mapping->map_value(field, cell ? cell->text : std::string());
      if (!mapped.empty() && !cell) cell = Cell{"", row.line, 0};
      if (cell) cell->text = mapped;
    }
    if (!cell) continue;
    bool multiline = field == RecordField::notes;
    cell->text = multiline ? cell->text : trim(cell->text);
    if (cell->text.size() > (multiline ? kMaxNotes : kMaxText)) {
      error(*cell, field, "is longer than " + std::to_string(multiline ? kMaxNotes : kMaxText) + " bytes");
      cell->text.clear();
    } else if (auto problem = text_problem(cell->text, multiline); !problem.empty()) {
      error(*cell, field, problem);
      cell->text.clear();
    }
    if (cell->text.empty()) cell.reset();
  }
  auto has = [&](RecordField f) { return row.cells[static_cast<std::size_t>(f)].has_value(); };
  auto cell = [&](RecordField f) -> const Cell& { return *row.cells[static_cast<std::size_t>(f)]; };

  if (!has(RecordField::record_id)) {
    add_error({options_.file_name, row.line, 0}, "record_id: missing (every row needs the id of its record)");
    return;
  }
  for (auto [f, expected] : {std::pair{RecordField::source, &options_.source}, std::pair{RecordField::list, &options_.list}})
    if (has(f) && cell(f).text != *expected)
      error(cell(f), f, "differs from --" + std::string(field_name(f)) + " given on the command line");

  CaseRecord r;
  r.record_id = cell(RecordField::record_id).text;
  r.source = options_.source;
  r.list = options_.list;
  auto text = [&](RecordField f, std::string& out) {
    if (has(f)) out = cell(f).text;
  };
  text(RecordField::full_name, r.full_name);
  text(RecordField::family_name, r.family_name);
  text(RecordField::given_name, r.given_name);
  text(RecordField::name_hangul, r.name_hangul);
  text(RecordField::name_hanzi, r.name_hanzi);
  text(RecordField::origin_place, r.origin_place);
  text(RecordField::notes, r.notes);
  if (has(RecordField::sex)) {
    std::string s = cell(RecordField::sex).text;
    if (s.size() == 1) s[0] = static_cast<char>(s[0] >= 'a' && s[0] <= 'z' ? s[0] - 'a' + 'A' : s[0]);
    if (in_vocabulary(kSexValues, s)) r.sex = s;
    else error(cell(RecordField::sex), RecordField::sex, "must be M, F or U");
  }
  auto integer = [&](RecordField f, long lo, long hi, const char* what) -> std::optional<int> {
    if (!has(f)) return std::nullopt;
    auto v = parse_long(cell(f).text);
    if (!v) {
      error(cell(f), f, std::string("is not a whole number (") + what + ")");
      return std::nullopt;
    }
    if (*v < lo || *v > hi) {
      // The value itself is left out: it is a record's contents, and the
      // file, line and column already point at it.
      error(cell(f), f, "is outside " + std::to_string(lo) + "-" + std::to_string(hi));
      return std::nullopt;
    }
    return static_cast<int>(*v);
  };
  auto date = [&](RecordField f) -> std::optional<PartialDate> {
    if (!has(f)) return std::nullopt;
    auto d = parse_partial_date(cell(f).text);
    if (!d) {
      error(cell(f), f, d.error().message());
      return std::nullopt;
    }
    if (d->earliest > options_.today && d->earliest != kEarliestDate) {
      error(cell(f), f, "is in the future");
      return std::nullopt;
    }
    return *d;
  };
  r.birth_year = integer(RecordField::birth_year, 1880, options_.today.year, "a year such as 1979");
  r.birth_date = date(RecordField::birth_date);
  if (r.birth_year && r.birth_date &&
      (r.birth_date->latest.year < *r.birth_year || r.birth_date->earliest.year > *r.birth_year))
    error(cell(RecordField::birth_date), RecordField::birth_date, "does not agree with birth_year");
  r.age = integer(RecordField::age, 0, 120, "years");
  if (has(RecordField::head_count)) {
    const auto& c = cell(RecordField::head_count);
    auto dash = c.text.find('-');
    auto low = parse_long(trim(c.text.substr(0, dash)));
    auto high = dash == std::string::npos ? low : parse_long(trim(c.text.substr(dash + 1)));
    if (!low || !high || *low < 1 || *high < *low || *high > 10000000)
      error(c, RecordField::head_count, "must be a count such as 500 or an interval such as 400-600");
    else
      r.head_count = HeadCount{*low, *high};
  }

  bool has_event = false;
  for (std::size_t i = 0; i < kRecordFieldCount; ++i)
    if (row.cells[i] && is_event_field(static_cast<RecordField>(i))) has_event = true;
  if (has_event) {
    CaseEvent e;
    if (!has(RecordField::event_type)) {
      Cell where{"", row.line, 0};
      error(where, RecordField::event_type, "missing, but the row has other event fields");
    } else if (!in_vocabulary(kEventTypes, cell(RecordField::event_type).text)) {
      error(cell(RecordField::event_type), RecordField::event_type,
            "is not an event type (one of: " + quoted_list(kEventTypes) + ")");
    } else {
      e.type = cell(RecordField::event_type).text;
    }
    e.date = date(RecordField::event_date);
    text(RecordField::event_place, e.place);
    text(RecordField::perpetrator, e.perpetrator);
    if (has(RecordField::facility_type)) {
      if (in_vocabulary(kFacilityTypes, cell(RecordField::facility_type).text))
        e.facility_type = cell(RecordField::facility_type).text;
      else
        error(cell(RecordField::facility_type), RecordField::facility_type,
              "is not a facility type (one of: " + quoted_list(kFacilityTypes) + ")");
    }
    e.sentence_months = integer(RecordField::sentence_months, 0, 1200, "months");
    if (has(RecordField::legal_tags)) {
      const auto& c = cell(RecordField::legal_tags);
      std::size_t start = 0;
      while (start <= c.text.size()) {
        auto end = c.text.find_first_of(";|", start);
        if (end == std::string::npos) end = c.text.size();
        std::string tag = trim(c.text.substr(start, end - start));
        if (!tag.empty()) {
          bool ok = tag.size() <= 64 && std::all_of(tag.begin(), tag.end(), [](char ch) {
            return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' ||
                   ch == '_' || ch == '.';
          });
          if (ok) e.legal_tags.push_back(tag);
          else error(c, RecordField::legal_tags, "a tag may hold only letters, digits, '-', '_' and '.' (e.g. RC1951-Art33)");
        }
        start = end + 1;
      }
      std::sort(e.legal_tags.begin(), e.legal_tags.end());
      e.legal_tags.erase(std::unique(e.legal_tags.begin(), e.legal_tags.end()), e.legal_tags.end());
    }
    r.events.push_back(std::move(e));
  }
  if (error_count_ != errors_before) return;

  auto [it, inserted] = index_.emplace(r.record_id, records_.size());
  if (inserted) {
    std::map<RecordField, long> lines;
    for (std::size_t i = 0; i < kRecordFieldCount; ++i)
      if (row.cells[i] && is_person_field(static_cast<RecordField>(i))) lines[static_cast<RecordField>(i)] = row.line;
    first_line_.push_back(std::move(lines));
    records_.push_back(std::move(r));
    return;
  }
  // Another row of a record seen before: person fields must agree.
  CaseRecord& prior = records_[it->second];
  auto& lines = first_line_[it->second];
  auto merge = [&](RecordField f, auto& mine, const auto& theirs) {
    using T = std::decay_t<decltype(mine)>;
    if (theirs == T{}) return;
    if (mine == T{}) {
      mine = theirs;
      lines[f] = row.line;
    } else if (!(mine == theirs)) {
      error(cell(f), f, "differs from line " + std::to_string(lines[f]) + " for the same record_id");
    }
  };
  auto same_date = [](const std::optional<PartialDate>& a, const std::optional<PartialDate>& b) {
    return a.has_value() == b.has_value() && (!a || a->verbatim == b->verbatim);
  };
  merge(RecordField::full_name, prior.full_name, r.full_name);
  merge(RecordField::family_name, prior.family_name, r.family_name);
  merge(RecordField::given_name, prior.given_name, r.given_name);
  merge(RecordField::name_hangul, prior.name_hangul, r.name_hangul);
  merge(RecordField::name_hanzi, prior.name_hanzi, r.name_hanzi);
  merge(RecordField::sex, prior.sex, r.sex);
  merge(RecordField::birth_year, prior.birth_year, r.birth_year);
  merge(RecordField::age, prior.age, r.age);
  merge(RecordField::origin_place, prior.origin_place, r.origin_place);
  merge(RecordField::head_count, prior.head_count, r.head_count);
  merge(RecordField::notes, prior.notes, r.notes);
  if (r.birth_date) {
    if (!prior.birth_date) {
      prior.birth_date = r.birth_date;
      lines[RecordField::birth_date] = row.line;
    } else if (!same_date(prior.birth_date, r.birth_date)) {
      error(cell(RecordField::birth_date), RecordField::birth_date,
            "differs from line " + std::to_string(lines[RecordField::birth_date]) + " for the same record_id");
    }
  }
  for (auto& e : r.events) prior.events.push_back(std::move(e));
}

Result<std::vector<CaseRecord>> RecordBuilder::finish() {
  if (error_count_ == 0 && rows_ == 0)
    add_error({options_.file_name, 0, 0}, "the file holds no records");
  if (error_count_ > 0) {
    std::string message;
    for (const auto& e : errors_) message += (message.empty() ? "" : "\n") + e;
    if (error_count_ > errors_.size())
      message += "\n... and " + std::to_string(error_count_ - errors_.size()) + " more errors";
    message += "\n" + options_.file_name + ": " + std::to_string(error_count_) +
               (error_count_ == 1 ? " error" : " errors") + "; nothing was imported";
    return fail(message);
  }
  return std::move(records_);
}

}  // namespace uncounted::internal
