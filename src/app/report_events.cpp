#include "app/report_events.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "app/link_histories.h"
#include "base/csv_reader.h"
#include "base/partial_date.h"
#include "base/vocabulary.h"

namespace uncounted {
namespace {

constexpr int kMonthsWhenYearsAtMost = 3;

struct Event {
  std::string unit;  // who: "e<cluster>" or "r<source>\x1f<record_id>" or "row<n>"
  std::string type;
  std::optional<PartialDate> date;
  std::optional<int> sentence_months;
};

std::string file_stem(const std::string& path) { return std::filesystem::path(path).stem().string(); }

int column_index(const std::vector<std::string>& header, const char* name) {
  for (std::size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return static_cast<int>(i);
  return -1;
}

std::optional<int> parse_int(const std::string& text) {
  int value = 0;
  const char* end = text.data() + text.size();
  auto [p, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || p != end) return std::nullopt;
  return value;
}

// A period label "2005-2011" or "2006" as [first, last] years.
std::optional<std::pair<int, int>> parse_period(const std::string& label) {
  const auto dash = label.find('-');
  if (dash == std::string::npos) {
    auto y = parse_int(label);
    if (!y) return std::nullopt;
    return std::pair{*y, *y};
  }
  auto a = parse_int(label.substr(0, dash));
  auto b = parse_int(label.substr(dash + 1));
  if (!a || !b || *b < *a) return std::nullopt;
  return std::pair{*a, *b};
}

// The year of a date known to within one calendar year.
std::optional<int> single_year(const std::optional<PartialDate>& d) {
  if (!d || d->earliest.year != d->latest.year) return std::nullopt;
  return d->earliest.year;
}

std::string two_digits(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

std::size_t category_of(int months) {
  if (months < 6) return 0;
  if (months < 24) return 1;
  if (months < 60) return 2;
  return 3;
}

Result<std::vector<Event>> read_events(const EventInputs& inputs, bool& all_by_entity) {
  std::unordered_map<std::string, std::uint64_t> cluster_of;
  if (inputs.clusters)
    for (const auto& row : *inputs.clusters) cluster_of[row.source + '\x1f' + row.record_id] = row.cluster_id;
  all_by_entity = inputs.clusters != nullptr;
  std::vector<Event> events;
  std::size_t row_number = 0;
  for (const auto& path : inputs.record_files) {
    auto table = read_csv_file(path);
    if (!table) return tl::unexpected(table.error());
    const int id_col = column_index(table->header, "record_id");
    const int source_col = column_index(table->header, "source");
    const int type_col = column_index(table->header, "event_type");
    const int date_col = column_index(table->header, "event_date");
    const int months_col = column_index(table->header, "sentence_months");
    if (type_col < 0) continue;
    const std::string stem = file_stem(path);
    for (const auto& row : table->rows) {
      ++row_number;
      if (row.fields.size() != table->header.size())
        return fail(SourceLocation{path, row.line, 0},
                    "the row has " + std::to_string(row.fields.size()) + " fields, the header " +
                        std::to_string(table->header.size()));
      auto field = [&](int col) -> const std::string& {
        static const std::string empty;
        return col < 0 ? empty : row.fields[static_cast<std::size_t>(col)];
      };
      Event e;
      e.type = field(type_col);
      if (!in_vocabulary(kEventTypes, e.type)) continue;
      const std::string& id = field(id_col);
      const std::string source = source_col >= 0 && !field(source_col).empty() ? field(source_col) : stem;
      if (id.empty()) {
        e.unit = "row" + std::to_string(row_number);
        all_by_entity = false;
      } else if (auto it = cluster_of.find(source + '\x1f' + id); it != cluster_of.end()) {
        e.unit = "e" + std::to_string(it->second);
      } else {
        e.unit = "r" + source + '\x1f' + id;
        all_by_entity = false;
      }
      if (!field(date_col).empty())
        if (auto d = parse_partial_date(field(date_col))) e.date = *d;
      if (!field(months_col).empty()) e.sentence_months = parse_int(field(months_col));
      events.push_back(std::move(e));
    }
  }
  if (inputs.records)
    for (const auto& r : *inputs.records)
      for (const auto& ev : r.events) {
        if (!in_vocabulary(kEventTypes, ev.type)) continue;
        Event e;
        e.type = ev.type;
        e.date = ev.date;
        e.sentence_months = ev.sentence_months;
        if (auto it = cluster_of.find(r.source + '\x1f' + r.record_id); it != cluster_of.end()) {
          e.unit = "e" + std::to_string(it->second);
        } else {
          e.unit = "r" + r.source + '\x1f' + r.record_id;
          all_by_entity = false;
        }
        events.push_back(std::move(e));
      }
  return events;
}

std::optional<report::TimelineSection> make_timeline(const std::vector<Event>& events, const std::string& counted) {
  int first = 0, last = 0;
  bool any = false;
  for (const auto& e : events)
    if (auto y = single_year(e.date)) {
      first = any ? std::min(first, *y) : *y;
      last = any ? std::max(last, *y) : *y;
      any = true;
    }
  if (!any) return std::nullopt;
  const bool months = last - first + 1 <= kMonthsWhenYearsAtMost;
  report::TimelineSection t;
  t.unit = months ? "month" : "year";
  t.counted = counted;
  for (int y = first; y <= last; ++y) {
    if (!months) {
      t.bins.push_back(std::to_string(y));
      continue;
    }
    for (int m = 1; m <= 12; ++m) t.bins.push_back(std::to_string(y) + "-" + two_digits(m));
  }
  std::map<std::string, std::size_t> type_index;  // event type -> series
  std::vector<std::string> types;
  for (auto v : kEventTypes)
    for (const auto& e : events)
      if (e.type == v) {
        types.emplace_back(v);
        break;
      }
  for (const auto& type : types) {
    type_index[type] = t.series.size();
    t.series.push_back({type, std::vector<std::int64_t>(t.bins.size(), 0)});
  }
  std::set<std::tuple<std::string, std::string, std::size_t>> seen;
  std::set<std::pair<std::string, std::string>> undated;
  for (const auto& e : events) {
    std::optional<std::size_t> bin;
    if (auto y = single_year(e.date)) {
      if (!months) {
        bin = static_cast<std::size_t>(*y - first);
      } else if (e.date->earliest.month == e.date->latest.month) {
        bin = static_cast<std::size_t>((*y - first) * 12 + e.date->earliest.month - 1);
      }
    }
    if (!bin) {
      undated.insert({e.unit, e.type});
      continue;
    }
    if (seen.insert({e.unit, e.type, *bin}).second) ++t.series[type_index[e.type]].counts[*bin];
  }
  t.undated = static_cast<std::int64_t>(undated.size());
  return t;
}

std::optional<report::SentenceSection> make_sentences(const std::vector<Event>& events,
                                                      const std::vector<std::string>& period_labels,
                                                      const std::string& counted) {
  std::vector<std::pair<std::string, std::pair<int, int>>> periods;
  for (const auto& label : period_labels)
    if (auto p = parse_period(label)) periods.emplace_back(label, *p);
  std::stable_sort(periods.begin(), periods.end(),
                   [](const auto& a, const auto& b) { return a.second.first < b.second.first; });
  auto period_of = [&](int year) -> std::string {
    for (const auto& [label, range] : periods)
      if (year >= range.first && year <= range.second) return label;
    if (!periods.empty()) return "";
    return period_label(year, 5);
  };
  std::map<std::string, std::vector<int>> months_by_period;
  std::set<std::tuple<std::string, std::string, int>> seen;
  for (const auto& e : events) {
    // A sentence length may come with a "sentence" event or with the detention it led to.
    if (!e.sentence_months || *e.sentence_months < 0) continue;
    auto y = single_year(e.date);
    if (!y) continue;
    const std::string period = period_of(*y);
    if (period.empty()) continue;
    if (seen.insert({e.unit, period, *e.sentence_months}).second) months_by_period[period].push_back(*e.sentence_months);
  }
  if (months_by_period.empty()) return std::nullopt;
  report::SentenceSection s;
  s.categories = {"under 6 months", "6 months to 2 years", "2 to 5 years", "5 years or more"};
  s.counted = counted;
  std::vector<std::string> order;
  for (const auto& [label, range] : periods)
    if (months_by_period.count(label)) order.push_back(label);
  if (periods.empty())
    for (const auto& [label, values] : months_by_period) order.push_back(label);
  for (const auto& label : order) {
    auto values = months_by_period[label];
    report::SentenceRow row;
    row.period = label;
    row.counts.assign(s.categories.size(), 0);
    for (int m : values) ++row.counts[category_of(m)];
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    row.median_months = n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
    s.rows.push_back(std::move(row));
  }
  return s;
}

}  // namespace

Result<EventSections> report_events(const EventInputs& inputs) {
  bool by_entity = false;
  auto events = read_events(inputs, by_entity);
  if (!events) return tl::unexpected(events.error());
  const std::string counted =
      by_entity ? "people (linked entities): a person reported by several sources counts once"
                : "records: a person reported by several sources may count more than once";
  EventSections out;
  out.timeline = make_timeline(*events, counted);
  out.sentences = make_sentences(*events, inputs.periods, counted);
  return out;
}

}  // namespace uncounted
