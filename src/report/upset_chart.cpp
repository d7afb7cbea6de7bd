#include "report/upset_chart.h"

#include <algorithm>
#include <bit>
#include <cmath>

#include "base/number_text.h"
#include "report/internal/chart_style.h"
#include "report/svg.h"

namespace uncounted::report {

std::string upset_chart(const std::vector<std::string>& lists, const std::vector<PublishedCount>& list_sizes,
                        std::vector<UpsetColumn> columns, const std::string& title, std::size_t max_columns) {
  std::erase_if(columns, [](const UpsetColumn& c) { return c.count.value == 0; });
  // Shown counts first, largest first; then suppressed ones by pattern only.
  std::sort(columns.begin(), columns.end(), [](const UpsetColumn& a, const UpsetColumn& b) {
    if (a.count.shown() != b.count.shown()) return a.count.shown();
    if (a.count.shown() && a.count.value != b.count.value) return a.count.value > b.count.value;
    const int pa = std::popcount(a.mask), pb = std::popcount(b.mask);
    if (pa != pb) return pa < pb;
    return a.mask < b.mask;
  });
  const std::size_t left_out = columns.size() > max_columns ? columns.size() - max_columns : 0;
  if (left_out > 0) columns.resize(max_columns);

  const double name_w = 120, size_w = 110, gap = 12, col_w = 26, bars_h = 170, top = 16, row_h = 22;
  const double left = size_w + name_w + gap;
  const double width = std::max(480.0, left + col_w * static_cast<double>(columns.size()) + 16);
  const double matrix_top = top + bars_h + 18;
  const double height = matrix_top + row_h * static_cast<double>(lists.size()) + (left_out > 0 ? 30 : 12);

  double max_count = 1;
  for (const auto& c : columns)
    if (c.count.shown()) max_count = std::max(max_count, static_cast<double>(c.count.value));
  const auto ticks = count_ticks(max_count, 4);
  const LinearScale y{0, ticks.back(), top + bars_h, top};
  double max_size = 1;
  for (const auto& s : list_sizes)
    if (s.shown()) max_size = std::max(max_size, static_cast<double>(s.value));
  const LinearScale sx{0, max_size, size_w, 52};  // list-size bars grow leftwards, labels at their left

  SvgWriter svg(width, height, title);
  svg.begin_group("axis");
  for (double t : ticks) {
    svg.line(left - 4, y(t), width - 8, y(t), t == 0 ? "baseline" : "grid");
    svg.text(left - 8, y(t) + 4, group_thousands(std::llround(t)), "tick", TextAnchor::kEnd);
  }
  svg.text(left - 44, top + bars_h / 2, "people", "axis-label", TextAnchor::kMiddle, -90);
  svg.end_group();

  // Pattern columns and their counts.
  svg.begin_group("bars");
  for (std::size_t j = 0; j < columns.size(); ++j) {
    const auto& c = columns[j];
    const double x = left + col_w * static_cast<double>(j) + 4;
    std::string names;
    for (std::size_t i = 0; i < lists.size(); ++i)
      if (c.mask & (1u << i)) names += (names.empty() ? "" : " + ") + lists[i];
    const std::string tip = "seen by " + names + " only: " + c.count.text();
    if (c.count.shown()) {
      const double v = static_cast<double>(c.count.value);
      svg.rect(x, y(v), col_w - 8, y(0) - y(v), "bar", tip, internal::kPalette[0]);
      svg.text(x + (col_w - 8) / 2, y(v) - 3, c.count.text(), "value-label small", TextAnchor::kMiddle);
    } else {
      internal::draw_suppressed_column(svg, x, col_w - 8, y(0), c.count, "seen by " + names + " only: ");
    }
  }
  svg.end_group();

  // Dot matrix.
  svg.begin_group("matrix");
  for (std::size_t i = 0; i < lists.size(); ++i) {
    const double cy = matrix_top + row_h * (static_cast<double>(i) + 0.5);
    if (i % 2 == 0) svg.rect(size_w, cy - row_h / 2, width - size_w - 8, row_h, "stripe");
    svg.text(size_w + name_w, cy + 4, lists[i], "row-label", TextAnchor::kEnd);
    if (i < list_sizes.size()) {
      const auto& s = list_sizes[i];
      if (s.shown()) {
        svg.rect(sx(static_cast<double>(s.value)), cy - 6, sx(0) - sx(static_cast<double>(s.value)), 12, "list-size",
                 lists[i] + ": " + s.text() + " people");
        svg.text(sx(static_cast<double>(s.value)) - 3, cy + 4, s.text(), "value-label small", TextAnchor::kEnd);
      } else {
        svg.text(sx(0) - 3, cy + 4, s.text(), "cell-note", TextAnchor::kEnd);
      }
    }
  }
  for (std::size_t j = 0; j < columns.size(); ++j) {
    std::size_t first = lists.size(), last = 0;
    for (std::size_t i = 0; i < lists.size(); ++i)
      if (columns[j].mask & (1u << i)) {
        first = std::min(first, i);
        last = i;
      }
    if (first < last) {
      const double cx = left + col_w * (static_cast<double>(j) + 0.5);
      svg.line(cx, matrix_top + row_h * (static_cast<double>(first) + 0.5), cx,
               matrix_top + row_h * (static_cast<double>(last) + 0.5), "dot-link");
    }
  }
  for (std::size_t i = 0; i < lists.size(); ++i) {
    const double cy = matrix_top + row_h * (static_cast<double>(i) + 0.5);
    for (std::size_t j = 0; j < columns.size(); ++j) {
      const double cx = left + col_w * (static_cast<double>(j) + 0.5);
      svg.circle(cx, cy, 6, (columns[j].mask & (1u << i)) ? "dot on" : "dot off");
    }
  }
  svg.end_group();
  if (left_out > 0)
    svg.text(left, height - 10,
             std::to_string(left_out) + " smaller patterns are not drawn (see the table)", "cell-note");
  return svg.finish();
}

}  // namespace uncounted::report
