#include "report/column_chart.h"

#include <algorithm>
#include <cmath>

#include "base/number_text.h"
#include "report/internal/chart_style.h"
#include "report/svg.h"

namespace uncounted::report {

std::string column_chart(const ColumnChartSpec& spec) {
  const bool legend = spec.series.size() > 1 || (spec.series.size() == 1 && !spec.series[0].name.empty());
  const double left = 56, right = 12, top = legend ? 30 : 12;
  const std::size_t n = spec.categories.size();
  double slot = n == 0 ? 0 : (spec.width - left - right) / static_cast<double>(n);
  const bool rotate = slot < 34;
  const double bottom = (rotate ? 62 : 34) + (spec.x_label.empty() ? 0 : 16);
  const double plot_h = spec.height - top - bottom;
  const double base = top + plot_h;

  double max_value = 0;
  for (const auto& s : spec.series)
    for (const auto& v : s.values)
      if (v.shown()) max_value = std::max(max_value, static_cast<double>(v.value));
  const auto ticks = count_ticks(max_value, 4);
  const LinearScale y{0, ticks.back(), base, top};

  SvgWriter svg(spec.width, spec.height, spec.title);
  svg.begin_group("axis");
  for (double t : ticks) {
    svg.line(left, y(t), spec.width - right, y(t), t == 0 ? "baseline" : "grid");
    svg.text(left - 6, y(t) + 4, group_thousands(std::llround(t)), "tick", TextAnchor::kEnd);
  }
  if (!spec.y_label.empty()) svg.text(14, top + plot_h / 2, spec.y_label, "axis-label", TextAnchor::kMiddle, -90);
  if (!spec.x_label.empty())
    svg.text(left + (spec.width - left - right) / 2, spec.height - 4, spec.x_label, "axis-label", TextAnchor::kMiddle);
  // Labels: at most one per 28 px.
  const std::size_t every = slot <= 0 ? 1 : std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(28 / slot)));
  for (std::size_t i = 0; i < n; i += every) {
    const double cx = left + slot * (static_cast<double>(i) + 0.5);
    if (rotate)
      svg.text(cx + 4, base + 12, spec.categories[i], "tick", TextAnchor::kEnd, -45);
    else
      svg.text(cx, base + 16, spec.categories[i], "tick", TextAnchor::kMiddle);
  }
  svg.end_group();

  const std::size_t k = std::max<std::size_t>(1, spec.series.size());
  const double group_w = slot * 0.8;
  const double bar_w = group_w / static_cast<double>(k);
  svg.begin_group("bars");
  for (std::size_t s = 0; s < spec.series.size(); ++s) {
    const auto& series = spec.series[s];
    const auto colour = internal::palette_colour(s);
    for (std::size_t i = 0; i < n && i < series.values.size(); ++i) {
      const auto& v = series.values[i];
      const double x = left + slot * static_cast<double>(i) + slot * 0.1 + bar_w * static_cast<double>(s);
      const std::string prefix =
          (series.name.empty() ? "" : series.name + ", ") + spec.categories[i] + ": ";
      if (!v.shown()) {
        internal::draw_suppressed_column(svg, x, bar_w, base, v, prefix);
      } else if (v.value > 0) {
        svg.rect(x, y(static_cast<double>(v.value)), bar_w, base - y(static_cast<double>(v.value)), "bar",
                 prefix + v.text(), colour);
      }
    }
  }
  svg.end_group();

  if (spec.marker_at) {
    const double mx = left + slot * *spec.marker_at;
    svg.line(mx, top, mx, base, "marker");
    svg.text(mx + 4, top + 10, spec.marker_label, "marker-label");
  }
  if (legend) {
    double lx = left;
    for (std::size_t s = 0; s < spec.series.size(); ++s) {
      svg.rect(lx, 8, 12, 12, "legend-swatch", {}, internal::palette_colour(s));
      svg.text(lx + 16, 18, spec.series[s].name, "legend");
      lx += 28 + 7 * static_cast<double>(spec.series[s].name.size());
    }
  }
  return svg.finish();
}

}  // namespace uncounted::report
