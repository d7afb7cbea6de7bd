#include "app/estimate_json_reader.h"

#include <gtest/gtest.h>

namespace uncounted {
namespace {

// nlohmann reports a number beyond a double's range as out_of_range, not as
// a parse_error; it must still come back as an Error value (found by
// fuzz_link_inputs on the link config, which shares the reader's pattern).
TEST(EstimateJsonReader, NumberBeyondDoubleRangeIsAnErrorValue) {
  auto r = parse_estimate_json("{\"observed\": 99999e+318, \"lists\": [], \"estimates\": []}", "estimate.json");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message().find("estimate.json"), std::string::npos);
  EXPECT_NE(r.error().message().find("too large"), std::string::npos);
}

}  // namespace
}  // namespace uncounted
