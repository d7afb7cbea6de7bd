// A small SVG writer for the report's charts: shapes, text and groups,
// written as an inline <svg> element (no external references, no scripts).
//
// Every piece of text (labels, tooltips, the accessible title) is escaped
// here, so callers pass plain text. Coordinates are printed with at most two
// decimals in the C locale, so the same chart gives the same bytes.
// Styling is by CSS class (the report's inline stylesheet) plus an optional
// fill for series colours.
//
// Thread safety: an SvgWriter is a value; use one per thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace uncounted::report {

// Escapes & < > " ' for XML/HTML text and attribute values.
std::string xml_escape(std::string_view text);

// 12.3456 -> "12.35", 3.0 -> "3", -0.001 -> "0"; non-finite values -> "0".
std::string svg_number(double value);

enum class TextAnchor { kStart, kMiddle, kEnd };

class SvgWriter {
 public:
  // `title` is the chart's accessible name (role="img", <title>).
  SvgWriter(double width, double height, std::string_view title);

  // `css_class` may be empty. `tooltip` (if not empty) becomes a <title> child.
  void rect(double x, double y, double width, double height, std::string_view css_class,
            std::string_view tooltip = {}, std::string_view fill = {});
  void line(double x1, double y1, double x2, double y2, std::string_view css_class);
  void circle(double cx, double cy, double r, std::string_view css_class, std::string_view tooltip = {});
  // A polygon from "x,y" points, e.g. an arrow head.
  void polygon(std::string_view points, std::string_view css_class);
  void text(double x, double y, std::string_view content, std::string_view css_class,
            TextAnchor anchor = TextAnchor::kStart, double rotate_degrees = 0);
  void begin_group(std::string_view css_class);
  void end_group();

  // The whole <svg> element. The writer may not be used afterwards.
  std::string finish();

 private:
  std::string out_;
  int open_groups_ = 0;
};

// A linear map from data values [domain_min, domain_max] to pixels
// [range_min, range_max] (the range may be reversed, e.g. a y axis).
struct LinearScale {
  double domain_min = 0, domain_max = 1;
  double range_min = 0, range_max = 1;
  double operator()(double value) const;
};

// About `count` round tick values (1, 2 or 5 times a power of ten) covering
// [low, high]; the first is <= low and the last >= high. high <= low gives
// ticks around low.
std::vector<double> nice_ticks(double low, double high, int count);

// Ticks for an axis of counts: nice_ticks(0, max(high, 1), count) with a
// step of at least 1, so no two ticks print as the same whole number.
std::vector<double> count_ticks(double high, int count);

}  // namespace uncounted::report
