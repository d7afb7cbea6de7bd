#include "report/interval_chart.h"

#include <algorithm>
#include <cmath>

#include "base/number_text.h"
#include "report/internal/chart_style.h"
#include "report/svg.h"

namespace uncounted::report {
namespace {

std::string rounded(double value) { return group_thousands(std::llround(value)); }

}  // namespace

std::string interval_chart(const std::vector<IntervalRow>& rows, const std::string& title, double width) {
  const double left = 110, right = 24, top = 34, row_h = 34, bottom = 36;
  const double height = top + row_h * static_cast<double>(rows.size()) + bottom;

  // Scale: every documented count and upper limit, but never past 3x the
  // largest point estimate (a huge upper limit would flatten the rest).
  double max_point = 1, max_value = 1;
  for (const auto& r : rows) {
    if (r.documented.shown()) max_value = std::max(max_value, static_cast<double>(r.documented.value));
    if (r.estimate) {
      max_point = std::max(max_point, r.estimate->n_hat);
      max_value = std::max(max_value, r.estimate->n_hat);
      if (r.estimate->upper) max_value = std::max(max_value, *r.estimate->upper);
    }
  }
  max_value = std::min(max_value, 3 * max_point);
  const auto ticks = nice_ticks(0, max_value, 5);
  const LinearScale x{0, ticks.back(), left, width - right};
  const double plot_bottom = top + row_h * static_cast<double>(rows.size());

  SvgWriter svg(width, height, title);
  svg.begin_group("axis");
  for (double t : ticks) {
    svg.line(x(t), top - 6, x(t), plot_bottom, t == 0 ? "baseline" : "grid");
    svg.text(x(t), plot_bottom + 16, rounded(t), "tick", TextAnchor::kMiddle);
  }
  svg.text(left + (width - left - right) / 2, height - 4, "people", "axis-label", TextAnchor::kMiddle);
  svg.end_group();

  // Legend.
  svg.rect(left, 8, 14, 10, "documented");
  svg.text(left + 18, 17, "documented (seen by at least one list)", "legend");
  svg.line(left + 290, 13, left + 320, 13, "whisker");
  svg.circle(left + 305, 13, 4, "estimate");
  svg.text(left + 326, 17, "estimated total and interval", "legend");

  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    const double cy = top + row_h * (static_cast<double>(i) + 0.5);
    svg.text(left - 8, cy + 4, r.label, r.emphasise ? "row-label strong" : "row-label", TextAnchor::kEnd);
    if (r.documented.shown()) {
      svg.rect(x(0), cy - 7, x(static_cast<double>(r.documented.value)) - x(0), 14, "documented",
               r.label + ": " + r.documented.text() + " documented");
    } else {
      svg.rect(x(0), cy - 7, 6, 14, "suppressed", r.label + ": " + r.documented.text() + " documented");
      svg.text(x(0) + 10, cy + 4, r.documented.text() + " documented", "cell-note");
    }
    if (!r.estimate) continue;
    const auto& e = *r.estimate;
    const double right_edge = width - right;
    const bool open = !e.upper || x(*e.upper) > right_edge;
    const double x_hi = open ? right_edge : x(*e.upper);
    std::string tip = r.label + ": " + e.method + " estimate " + rounded(e.n_hat) + ", interval " + rounded(e.lower) +
                      " to " + (e.upper ? rounded(*e.upper) : std::string("no finite limit"));
    svg.line(x(e.lower), cy, x_hi, cy, "whisker");
    svg.line(x(e.lower), cy - 5, x(e.lower), cy + 5, "whisker");
    if (open) {
      svg.polygon(svg_number(x_hi) + "," + svg_number(cy - 5) + " " + svg_number(x_hi + 8) + "," + svg_number(cy) +
                      " " + svg_number(x_hi) + "," + svg_number(cy + 5),
                  "arrow");
    } else {
      svg.line(x_hi, cy - 5, x_hi, cy + 5, "whisker");
    }
    if (x(e.n_hat) <= right_edge) svg.circle(x(e.n_hat), cy, 5, "estimate", tip);
    if (x(e.n_hat) <= right_edge) svg.text(x(e.n_hat), cy - 9, rounded(e.n_hat), "value-label", TextAnchor::kMiddle);
  }
  return svg.finish();
}

}  // namespace uncounted::report
