#include "io/capture_histories_csv.h"

#include <charconv>
#include <map>

#include "base/csv_reader.h"
#include "base/utf8.h"

namespace uncounted {
namespace {

constexpr int kMaxLists = 20;

bool is_identifier_column(const std::string& name) {
  return name == "entity_id" || name == "cluster_id" || name == "id";
}

// " ('VALUE')" when a bad cell is a short number ("2", "-3", "1.5", "1e3":
// at most 3 characters, all read as a number), so that a user sees what was
// found; otherwise nothing: a file given by mistake (a list of records) must
// not have its text printed back, and a longer number may be a birth year,
// a date or a telephone number.
std::string shown_if_numeric(std::string_view value) {
  double number = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
  const bool numeric = !value.empty() && value.size() <= 3 && error == std::errc() &&
                       end == value.data() + value.size();
  return numeric ? " ('" + std::string(value) + "')" : std::string();
}

// Parses a non-negative integer count; accepts "12" and "12.0" (R writes
// whole numbers that way), rejects "1.5", "-3", "", "abc".
Result<std::int64_t> parse_count(const std::string& text, const SourceLocation& where) {
  std::string_view digits(text);
  while (!digits.empty() && digits.front() == ' ') digits.remove_prefix(1);
  while (!digits.empty() && digits.back() == ' ') digits.remove_suffix(1);
  if (digits.empty()) return fail(where, "field 'count' is empty; it must be a whole number >= 0");
  if (digits.front() == '-')
    return fail(where, "field 'count' is negative; counts must be >= 0");
  std::size_t dot = digits.find('.');
  std::string_view whole = digits.substr(0, dot);
  if (dot != std::string_view::npos) {
    std::string_view fraction = digits.substr(dot + 1);
    if (fraction.find_first_not_of('0') != std::string_view::npos || whole.empty())
      return fail(where, "field 'count' is not a whole number" + shown_if_numeric(digits));
  }
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(whole.data(), whole.data() + whole.size(), value);
  if (ec == std::errc::result_out_of_range)
    return fail(where, "field 'count' is too large" + shown_if_numeric(digits));
  if (ec != std::errc() || end != whole.data() + whole.size())
    return fail(where, "field 'count' is not a whole number" + shown_if_numeric(digits));
  return value;
}

Result<CaptureHistoriesFile> capture_histories_from(const CsvTable& table, const std::string& path,
                                                    const CaptureHistoriesOptions& options);

}  // namespace

bool is_reserved_histories_column(const std::string& name) {
  return is_identifier_column(name) || name == "count";
}

Result<CaptureHistoriesFile> read_capture_histories(const std::string& path,
                                                    const CaptureHistoriesOptions& options) {
  auto csv = read_csv_file(path);
  if (!csv) return tl::unexpected(csv.error());
  return capture_histories_from(*csv, path, options);
}

Result<CaptureHistoriesFile> parse_capture_histories(std::string_view text, const std::string& path,
                                                     const CaptureHistoriesOptions& options) {
  auto csv = parse_csv(text, path);
  if (!csv) return tl::unexpected(csv.error());
  return capture_histories_from(*csv, path, options);
}

namespace {

Result<CaptureHistoriesFile> capture_histories_from(const CsvTable& table, const std::string& path,
                                                    const CaptureHistoriesOptions& options) {
  const CsvTable* csv = &table;

  CaptureHistoriesFile out;
  std::vector<int> list_columns;
  int count_column = -1;
  int stratum_column = -1;
  for (int c = 0; c < static_cast<int>(csv->header.size()); ++c) {
    const std::string& name = csv->header[c];
    SourceLocation where{path, csv->header_line, c + 1};
    if (name.empty()) return fail(where, "column " + std::to_string(c + 1) + " has no name");
    if (!is_valid_utf8(name)) return fail(where, "the column's name is not valid UTF-8");
    if (name == "count") {
      if (count_column >= 0) return fail(where, "two columns are named 'count'");
      count_column = c;
    } else if (options.stratum_column && name == *options.stratum_column) {
      stratum_column = c;
    } else if (is_identifier_column(name)) {
      continue;
    } else {
      for (int other : list_columns)
        if (csv->header[other] == name) return fail(where, "two columns are named '" + name + "'");
      list_columns.push_back(c);
      out.lists.push_back(name);
    }
  }
  if (options.stratum_column && stratum_column < 0)
    return fail(SourceLocation{path, csv->header_line, 0},
                "no column named '" + *options.stratum_column + "' (asked for by --stratum)");
  if (out.lists.size() < 2)
    return fail(SourceLocation{path, csv->header_line, 0},
                "capture histories need at least 2 list columns (0/1 each), found " +
                    std::to_string(out.lists.size()));
  if (out.lists.size() > static_cast<std::size_t>(kMaxLists))
    return fail(SourceLocation{path, csv->header_line, 0},
                "at most " + std::to_string(kMaxLists) + " lists are supported, found " +
                    std::to_string(out.lists.size()));
  out.aggregated = count_column >= 0;

  const std::size_t cells = std::size_t{1} << out.lists.size();
  out.total.counts.assign(cells, 0);
  std::map<std::string, std::size_t> stratum_index;
  std::int64_t observed = 0;  // people so far, kept within kMaxCaptureTotal
  // Line of first appearance of each (stratum, pattern), to report duplicates.
  std::map<std::pair<std::string, std::uint32_t>, long> seen;

  for (const CsvRow& row : csv->rows) {
    if (row.fields.size() != csv->header.size())
      return fail(SourceLocation{path, row.line, 0},
                  "the row has " + std::to_string(row.fields.size()) + " fields, the header has " +
                      std::to_string(csv->header.size()));
    std::uint32_t pattern = 0;
    for (std::size_t j = 0; j < list_columns.size(); ++j) {
      const std::string& value = row.fields[list_columns[j]];
      SourceLocation where{path, row.line, list_columns[j] + 1};
      if (value == "1")
        pattern |= std::uint32_t{1} << j;
      else if (value != "0")
        // The list's name is left out: if the header row is missing, it is
        // the first row's text. The column number locates it.
        return fail(where, "a list column must be 0 or 1" +
                               (value.empty() ? std::string(", found an empty cell") : shown_if_numeric(value)));
    }
    if (pattern == 0)
      return fail(SourceLocation{path, row.line, 0},
                  "the row is seen by no list (all-zero pattern); the unobserved count is what is "
                  "estimated, it cannot be given");
    std::int64_t count = 1;
    if (count_column >= 0) {
      auto parsed = parse_count(row.fields[count_column], SourceLocation{path, row.line, count_column + 1});
      if (!parsed) return tl::unexpected(parsed.error());
      count = *parsed;
    }
    if (count > kMaxCaptureTotal - observed)
      return fail(SourceLocation{path, row.line, count_column + 1},
                  "the counts add up to more than 10^15 people; is the count column right?");
    observed += count;
    std::string stratum = stratum_column >= 0 ? row.fields[stratum_column] : std::string();
    if (stratum_column >= 0) {
      SourceLocation where{path, row.line, stratum_column + 1};
      if (stratum.empty())
        return fail(where, "the stratum ('" + *options.stratum_column +
                               "') is empty; give every row a value (for example 'unknown')");
      if (!is_valid_utf8(stratum)) return fail(where, "the stratum is not valid UTF-8");
    }
    if (out.aggregated) {
      auto [it, inserted] = seen.emplace(std::make_pair(stratum, pattern), row.line);
      if (!inserted)
        return fail(SourceLocation{path, row.line, 0},
                    "duplicate capture pattern (already on line " + std::to_string(it->second) +
                        (stratum_column >= 0 ? " in the same stratum" : "") +
                        "); give each pattern once with its count");
    }
    out.total.counts[pattern] += count;
    if (stratum_column >= 0) {
      auto [it, inserted] = stratum_index.emplace(stratum, out.strata.size());
      if (inserted) out.strata.push_back(PatternCounts{stratum, std::vector<std::int64_t>(cells, 0)});
      out.strata[it->second].counts[pattern] += count;
    }
  }
  for (std::size_t j = 0; j < out.lists.size(); ++j) {
    std::int64_t on_list = 0;
    for (std::size_t p = 1; p < cells; ++p)
      if (p >> j & 1) on_list += out.total.counts[p];
    if (on_list == 0)
      return fail(SourceLocation{path, csv->header_line, list_columns[j] + 1},
                  "list '" + out.lists[j] + "' has no records: every list must see someone");
  }
  return out;
}

}  // namespace

}  // namespace uncounted
