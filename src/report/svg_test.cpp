#include "report/svg.h"

#include <gtest/gtest.h>

namespace uncounted::report {
namespace {

TEST(XmlEscape, EscapesMarkupCharacters) {
  EXPECT_EQ(xml_escape("<script>alert('x' & \"y\")</script>"),
            "&lt;script&gt;alert(&#39;x&#39; &amp; &quot;y&quot;)&lt;/script&gt;");
  EXPECT_EQ(xml_escape("김영철 plain"), "김영철 plain");
}

TEST(SvgNumber, RoundsToTwoDecimalsWithoutTrailingZeros) {
  EXPECT_EQ(svg_number(12.3456), "12.35");
  EXPECT_EQ(svg_number(3.0), "3");
  EXPECT_EQ(svg_number(2.5), "2.5");
  EXPECT_EQ(svg_number(-0.001), "0");
  EXPECT_EQ(svg_number(-4.2), "-4.2");
  EXPECT_EQ(svg_number(1.0 / 0.0), "0");
}

TEST(SvgWriter, WritesShapesWithEscapedText) {
  SvgWriter svg(100, 50, "a <title>");
  svg.rect(1, 2, 3, 4, "bar", "tip <b>", "#123456");
  svg.line(0, 0, 10, 10, "grid");
  svg.circle(5, 5, 2, "dot on");
  svg.text(10, 20, "<script>alert(1)</script>", "label", TextAnchor::kMiddle);
  svg.begin_group("g");
  svg.polygon("0,0 1,1 0,1", "arrow");
  const std::string out = svg.finish();  // closes the open group
  EXPECT_EQ(out.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"100\" height=\"50\"", 0), 0u);
  EXPECT_NE(out.find("aria-label=\"a &lt;title&gt;\""), std::string::npos);
  EXPECT_NE(out.find("<rect x=\"1\" y=\"2\" width=\"3\" height=\"4\" class=\"bar\" fill=\"#123456\">"
                     "<title>tip &lt;b&gt;</title></rect>"),
            std::string::npos);
  EXPECT_NE(out.find("<line x1=\"0\" y1=\"0\" x2=\"10\" y2=\"10\" class=\"grid\"/>"), std::string::npos);
  EXPECT_NE(out.find("<circle cx=\"5\" cy=\"5\" r=\"2\" class=\"dot on\"/>"), std::string::npos);
  EXPECT_NE(out.find("text-anchor=\"middle\">&lt;script&gt;alert(1)&lt;/script&gt;</text>"), std::string::npos);
  EXPECT_EQ(out.find("<script"), std::string::npos);
  EXPECT_NE(out.find("<g class=\"g\"><polygon points=\"0,0 1,1 0,1\" class=\"arrow\"/></g></svg>"),
            std::string::npos);
}

TEST(SvgWriter, NegativeSizesAreDrawnAsZero) {
  SvgWriter svg(10, 10, "t");
  svg.rect(0, 0, -5, -1, "");
  EXPECT_NE(svg.finish().find("width=\"0\" height=\"0\"/>"), std::string::npos);
}

TEST(LinearScale, MapsDomainToRangeIncludingReversed) {
  const LinearScale x{0, 10, 100, 200};
  EXPECT_DOUBLE_EQ(x(0), 100);
  EXPECT_DOUBLE_EQ(x(5), 150);
  const LinearScale y{0, 100, 300, 100};  // y axis: up is smaller
  EXPECT_DOUBLE_EQ(y(100), 100);
  EXPECT_DOUBLE_EQ(y(25), 250);
  const LinearScale flat{3, 3, 7, 9};
  EXPECT_DOUBLE_EQ(flat(3), 7);
}

TEST(NiceTicks, RoundStepsCoveringTheRange) {
  EXPECT_EQ(nice_ticks(0, 4538, 5), (std::vector<double>{0, 1000, 2000, 3000, 4000, 5000}));
  EXPECT_EQ(nice_ticks(0, 745, 4), (std::vector<double>{0, 200, 400, 600, 800}));
  EXPECT_EQ(nice_ticks(0, 1, 4), (std::vector<double>{0, 0.5, 1}));
  const auto t = nice_ticks(-3.2, 17.9, 4);
  EXPECT_LE(t.front(), -3.2);
  EXPECT_GE(t.back(), 17.9);
  EXPECT_EQ(nice_ticks(5, 5, 4).front(), 5);  // empty range: still ticks
}

TEST(CountTicks, WholeNumbersOnly) {
  EXPECT_EQ(count_ticks(2, 4), (std::vector<double>{0, 1, 2}));
  EXPECT_EQ(count_ticks(3.5, 4), (std::vector<double>{0, 1, 2, 3, 4}));
  EXPECT_EQ(count_ticks(0, 4), (std::vector<double>{0, 1}));
  EXPECT_EQ(count_ticks(745, 4), (std::vector<double>{0, 200, 400, 600, 800}));
}

}  // namespace
}  // namespace uncounted::report
