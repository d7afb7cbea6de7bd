// Shared look of the report's charts: series colours (Okabe-Ito, safe for
// colour-blind readers) and the way a suppressed count is drawn.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "report/suppression.h"
#include "report/svg.h"

namespace uncounted::report::internal {

inline constexpr std::array<std::string_view, 7> kPalette{"#0072B2", "#E69F00", "#009E73", "#CC79A7",
                                                          "#56B4E9", "#D55E00", "#999999"};

inline std::string_view palette_colour(std::size_t i) { return kPalette[i % kPalette.size()]; }

// A suppressed count drawn as a short hatched stub standing on `baseline`
// (bars grow upwards), labelled "<5" or "hidden" when there is room. Its
// height says nothing about the value.
inline void draw_suppressed_column(SvgWriter& svg, double x, double width, double baseline, const PublishedCount& c,
                                   std::string_view tooltip_prefix) {
  const double stub = 6;
  svg.rect(x, baseline - stub, width, stub, "suppressed", std::string(tooltip_prefix) + c.text());
  if (width >= 12)
    svg.text(x + width / 2, baseline - stub - 3, c.state == CellState::kSmall ? c.text() : "h", "cell-note",
             TextAnchor::kMiddle);
}

}  // namespace uncounted::report::internal
