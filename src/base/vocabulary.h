// Controlled vocabularies of the data model (DESIGN.md section 3).
//
// Thread safety: constant data.
#pragma once

#include <array>
#include <string_view>

namespace uncounted {

// The typed steps of what happened to a person, in their usual order.
inline constexpr std::array<std::string_view, 14> kEventTypes = {
    "border_crossing", "residence_china", "trafficking",    "arrest_china",
    "detention_china", "repatriation",    "interrogation",  "detention_dprk",
    "sentence",        "punishment_served", "release",      "death",
    "arrival_third_country", "arrival_rok"};

// North Korean detention facilities: holding centre, labour-training camp,
// re-education camp, political prison camp, police holding cells.
inline constexpr std::array<std::string_view, 5> kFacilityTypes = {
    "jipkyulso", "rodong_danryondae", "kyohwaso", "kwanliso", "kuryujang"};

inline constexpr std::array<std::string_view, 3> kSexValues = {"M", "F", "U"};

// True if `value` is one of `vocabulary`.
template <std::size_t N>
constexpr bool in_vocabulary(const std::array<std::string_view, N>& vocabulary, std::string_view value) {
  for (auto v : vocabulary)
    if (v == value) return true;
  return false;
}

}  // namespace uncounted
