#include "report/svg.h"

#include <cassert>
#include <cmath>
#include <cstdio>

namespace uncounted::report {

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string svg_number(double value) {
  if (!std::isfinite(value)) return "0";
  double rounded = std::round(value * 100.0) / 100.0;
  if (rounded == 0.0) return "0";  // also turns -0 into 0
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.2f", rounded);
  std::string s(buffer);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

namespace {

const char* anchor_name(TextAnchor anchor) {
  switch (anchor) {
    case TextAnchor::kStart: return "start";
    case TextAnchor::kMiddle: return "middle";
    case TextAnchor::kEnd: return "end";
  }
  return "start";
}

void append_class(std::string& out, std::string_view css_class) {
  if (!css_class.empty()) out += " class=\"" + xml_escape(css_class) + "\"";
}

}  // namespace

SvgWriter::SvgWriter(double width, double height, std::string_view title) {
  out_ = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" + svg_number(width) + "\" height=\"" +
         svg_number(height) + "\" viewBox=\"0 0 " + svg_number(width) + " " + svg_number(height) +
         "\" aria-label=\"" + xml_escape(title) + "\"><title>" + xml_escape(title) + "</title>";
}

void SvgWriter::rect(double x, double y, double width, double height, std::string_view css_class,
                     std::string_view tooltip, std::string_view fill) {
  out_ += "<rect x=\"" + svg_number(x) + "\" y=\"" + svg_number(y) + "\" width=\"" + svg_number(std::max(0.0, width)) +
          "\" height=\"" + svg_number(std::max(0.0, height)) + "\"";
  append_class(out_, css_class);
  if (!fill.empty()) out_ += " fill=\"" + xml_escape(fill) + "\"";
  if (tooltip.empty()) {
    out_ += "/>";
  } else {
    out_ += "><title>" + xml_escape(tooltip) + "</title></rect>";
  }
}

void SvgWriter::line(double x1, double y1, double x2, double y2, std::string_view css_class) {
  out_ += "<line x1=\"" + svg_number(x1) + "\" y1=\"" + svg_number(y1) + "\" x2=\"" + svg_number(x2) + "\" y2=\"" +
          svg_number(y2) + "\"";
  append_class(out_, css_class);
  out_ += "/>";
}

void SvgWriter::circle(double cx, double cy, double r, std::string_view css_class, std::string_view tooltip) {
  out_ += "<circle cx=\"" + svg_number(cx) + "\" cy=\"" + svg_number(cy) + "\" r=\"" + svg_number(r) + "\"";
  append_class(out_, css_class);
  if (tooltip.empty()) {
    out_ += "/>";
  } else {
    out_ += "><title>" + xml_escape(tooltip) + "</title></circle>";
  }
}

void SvgWriter::polygon(std::string_view points, std::string_view css_class) {
  out_ += "<polygon points=\"" + xml_escape(points) + "\"";
  append_class(out_, css_class);
  out_ += "/>";
}

void SvgWriter::text(double x, double y, std::string_view content, std::string_view css_class, TextAnchor anchor,
                     double rotate_degrees) {
  out_ += "<text x=\"" + svg_number(x) + "\" y=\"" + svg_number(y) + "\"";
  append_class(out_, css_class);
  if (anchor != TextAnchor::kStart) out_ += std::string(" text-anchor=\"") + anchor_name(anchor) + "\"";
  if (rotate_degrees != 0)
    out_ += " transform=\"rotate(" + svg_number(rotate_degrees) + " " + svg_number(x) + " " + svg_number(y) + ")\"";
  out_ += ">" + xml_escape(content) + "</text>";
}

void SvgWriter::begin_group(std::string_view css_class) {
  out_ += "<g";
  append_class(out_, css_class);
  out_ += ">";
  ++open_groups_;
}

void SvgWriter::end_group() {
  assert(open_groups_ > 0);
  --open_groups_;
  out_ += "</g>";
}

std::string SvgWriter::finish() {
  while (open_groups_ > 0) end_group();
  out_ += "</svg>";
  return std::move(out_);
}

double LinearScale::operator()(double value) const {
  if (domain_max == domain_min) return range_min;
  return range_min + (value - domain_min) / (domain_max - domain_min) * (range_max - range_min);
}

std::vector<double> nice_ticks(double low, double high, int count) {
  if (!std::isfinite(low) || !std::isfinite(high)) return {0, 1};
  if (count < 1) count = 1;
  if (high <= low) high = low + 1;
  const double raw = (high - low) / count;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  double step = magnitude;
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    step = m * magnitude;
    if (step >= raw) break;
  }
  std::vector<double> ticks;
  const double first = std::floor(low / step) * step;
  for (double t = first;; t += step) {
    ticks.push_back(std::abs(t) < step * 1e-9 ? 0.0 : t);
    if (t >= high - step * 1e-9) break;
  }
  return ticks;
}

std::vector<double> count_ticks(double high, int count) {
  if (!std::isfinite(high) || high < 1) high = 1;
  if (high <= count) {
    std::vector<double> ticks;
    for (double t = 0; t < high + 1; ++t) ticks.push_back(t);
    if (ticks.back() < high) ticks.push_back(std::ceil(high));
    while (ticks.size() > 1 && ticks[ticks.size() - 2] >= high) ticks.pop_back();
    return ticks;
  }
  return nice_ticks(0, high, count);
}

}  // namespace uncounted::report
