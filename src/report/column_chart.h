// A column chart of published counts (suppression.h): categories along the
// x axis, one column per series in each category, optionally a vertical
// marker line. Suppressed counts are drawn as a hatched stub labelled "<5"
// (or "h" for hidden), never at their true height. Used for the timeline,
// the sentences by period and the linkage histograms.
//
// Thread safety: pure function.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "report/suppression.h"

namespace uncounted::report {

struct ColumnSeries {
  std::string name;                     // legend text (no legend for a single unnamed series)
  std::vector<PublishedCount> values;   // one per category
};

struct ColumnChartSpec {
  std::string title;                    // accessible name of the chart
  std::vector<std::string> categories;  // x labels, in order
  std::vector<ColumnSeries> series;
  std::string y_label;                  // e.g. "people"
  std::string x_label;
  // A vertical line at a position between categories, in category units
  // (0 = left edge of the first category), with a label.
  std::optional<double> marker_at;
  std::string marker_label;
  double width = 760;
  double height = 260;
};

// An <svg> element. Categories with no values draw nothing; an empty spec
// draws empty axes.
std::string column_chart(const ColumnChartSpec& spec);

}  // namespace uncounted::report
