#include "io/link_config.h"

#include <gtest/gtest.h>

namespace uncounted {
namespace {

TEST(LinkConfig, InvalidJsonNamesFileAndLine) {
  auto r = parse_link_config("{\n  \"threshold\": ,\n}", "link.json");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message().find("link.json"), std::string::npos);
}

// The crash fuzz_link_inputs found: nlohmann throws out_of_range (not
// parse_error) for a number beyond a double's range.
TEST(LinkConfig, NumberBeyondDoubleRangeIsAnErrorValue) {
  auto r = parse_link_config("99999e+318", "link.json");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message().find("link.json"), std::string::npos);
  EXPECT_NE(r.error().message().find("too large"), std::string::npos);
  auto nested = parse_link_config("{\"threshold\": 1e999}", "link.json");
  ASSERT_FALSE(nested);
}

}  // namespace
}  // namespace uncounted
