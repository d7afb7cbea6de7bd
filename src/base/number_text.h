// Numbers as people read them in tables and reports.
//
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <string>

namespace uncounted {

// 12345 -> "12,345"; negative numbers keep their sign (every int64, the most
// negative included).
std::string group_thousands(std::int64_t value);

}  // namespace uncounted
