#include "link/string_similarity.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <vector>

namespace uncounted::link {
namespace {

bool is_ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

// Decodes UTF-8 leniently: a malformed byte becomes one code point.
void decode(std::string_view s, std::vector<char32_t>& out) {
  out.clear();
  for (std::size_t i = 0; i < s.size();) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    const std::size_t extra = b0 >= 0xF0 && b0 < 0xF8 ? 3 : b0 >= 0xE0 && b0 < 0xF0 ? 2 : b0 >= 0xC0 && b0 < 0xE0 ? 1 : 0;
    char32_t cp = extra == 0 ? b0 : static_cast<char32_t>(b0 & (0x3F >> extra));
    bool ok = i + extra < s.size();
    for (std::size_t k = 1; ok && k <= extra; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      if ((b & 0xC0) != 0x80)
        ok = false;
      else
        cp = (cp << 6) | (b & 0x3Fu);
    }
    if (!ok) {
      out.push_back(b0);
      ++i;
      continue;
    }
    out.push_back(cp);
    i += extra + 1;
  }
}

double jaro_to_winkler(const char* a, std::size_t na, const char* b, std::size_t nb, std::size_t matches,
                       std::size_t transpositions) {
  const double m = static_cast<double>(matches);
  const double jaro =
      (m / static_cast<double>(na) + m / static_cast<double>(nb) + (m - static_cast<double>(transpositions) / 2) / m) /
      3.0;
  std::size_t prefix = 0;
  while (prefix < 4 && prefix < na && prefix < nb && a[prefix] == b[prefix]) ++prefix;
  return jaro + static_cast<double>(prefix) * 0.1 * (1.0 - jaro);
}

// Bit-parallel Jaro for byte strings of at most 64 bytes: the same greedy
// matching as the loop below (each character of a takes the first free
// equal character of b in the window), one mask operation per character.
double jaro_winkler_bits(const char* a, std::size_t na, const char* b, std::size_t nb) {
  thread_local std::uint64_t positions[256] = {};  // per byte: its positions in b (reset before return)
  for (std::size_t j = 0; j < nb; ++j) positions[static_cast<unsigned char>(b[j])] |= std::uint64_t{1} << j;
  const std::size_t longer = std::max(na, nb);
  const std::size_t window = longer / 2 > 0 ? longer / 2 - 1 : 0;
  std::uint64_t free_b = nb == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << nb) - 1;
  std::uint64_t matched_a = 0;
  std::size_t matches = 0;
  for (std::size_t i = 0; i < na; ++i) {
    const std::size_t lo = i > window ? i - window : 0;
    const std::size_t hi = std::min(nb, i + window + 1);  // exclusive
    if (lo >= hi) continue;
    const std::uint64_t upto = hi == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << hi) - 1;
    const std::uint64_t window_mask = upto & ~((std::uint64_t{1} << lo) - 1);
    const std::uint64_t candidates = positions[static_cast<unsigned char>(a[i])] & free_b & window_mask;
    if (candidates) {
      free_b &= ~(candidates & (~candidates + 1));  // take the lowest (first) candidate
      matched_a |= std::uint64_t{1} << i;
      ++matches;
    }
  }
  for (std::size_t j = 0; j < nb; ++j) positions[static_cast<unsigned char>(b[j])] = 0;
  if (matches == 0) return 0.0;
  std::uint64_t matched_b = ~free_b & (nb == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << nb) - 1);
  std::size_t transpositions = 0;
  while (matched_a) {
    const int i = __builtin_ctzll(matched_a);
    const int j = __builtin_ctzll(matched_b);
    if (a[i] != b[j]) ++transpositions;
    matched_a &= matched_a - 1;
    matched_b &= matched_b - 1;
  }
  return jaro_to_winkler(a, na, b, nb, matches, transpositions);
}

template <typename C>
double jaro_winkler_impl(const C* a, std::size_t na, const C* b, std::size_t nb) {
  na = std::min(na, kMaxJaroWinklerLength);
  nb = std::min(nb, kMaxJaroWinklerLength);
  if (na == 0 && nb == 0) return 1.0;
  if (na == 0 || nb == 0) return 0.0;
  if (na == nb && std::equal(a, a + na, b)) return 1.0;
  if constexpr (sizeof(C) == 1) {
    if (na <= 64 && nb <= 64) return jaro_winkler_bits(a, na, b, nb);
  }
  // Match flags: on the stack for names (the usual case), else on the heap.
  std::uint8_t stack_a[64], stack_b[64];
  std::vector<std::uint8_t> heap_a, heap_b;
  std::uint8_t* fa = stack_a;
  std::uint8_t* fb = stack_b;
  if (na > 64 || nb > 64) {
    heap_a.assign(na, 0);
    heap_b.assign(nb, 0);
    fa = heap_a.data();
    fb = heap_b.data();
  } else {
    std::fill(fa, fa + na, std::uint8_t{0});
    std::fill(fb, fb + nb, std::uint8_t{0});
  }
  const std::size_t longer = std::max(na, nb);
  const std::size_t window = longer / 2 > 0 ? longer / 2 - 1 : 0;
  std::size_t matches = 0;
  for (std::size_t i = 0; i < na; ++i) {
    const std::size_t lo = i > window ? i - window : 0;
    const std::size_t hi = std::min(nb, i + window + 1);
    for (std::size_t j = lo; j < hi; ++j) {
      if (!fb[j] && a[i] == b[j]) {
        fa[i] = fb[j] = 1;
        ++matches;
        break;
      }
    }
  }
  if (matches == 0) return 0.0;
  std::size_t transpositions = 0;
  std::size_t k = 0;
  for (std::size_t i = 0; i < na; ++i) {
    if (!fa[i]) continue;
    while (!fb[k]) ++k;
    if (a[i] != b[k]) ++transpositions;
    ++k;
  }
  const double m = static_cast<double>(matches);
  const double jaro =
      (m / static_cast<double>(na) + m / static_cast<double>(nb) + (m - static_cast<double>(transpositions) / 2) / m) /
      3.0;
  std::size_t prefix = 0;
  while (prefix < 4 && prefix < na && prefix < nb && a[prefix] == b[prefix]) ++prefix;
  return jaro + static_cast<double>(prefix) * 0.1 * (1.0 - jaro);
}

// Distance 0, 1 or "more" (2) in one pass: the cap-1 levels of FEBRL and
// RLdata need no table.
template <typename C>
int within_one_edit(const C* a, std::size_t na, const C* b, std::size_t nb, bool transpose) {
  // 1 <= na <= nb, common prefix and suffix removed: one insertion would
  // have left nothing of a, so only one substitution (na == nb == 1) or one
  // adjacent swap remains.
  if (na != nb) return 2;
  if (na == 1) return 1;
  if (transpose && na == 2 && a[0] == b[1] && a[1] == b[0]) return 1;
  return 2;
}

template <typename C>
int edit_impl(const C* a, std::size_t na, const C* b, std::size_t nb, int cap, bool transpose) {
  if (na > nb) {
    std::swap(a, b);
    std::swap(na, nb);
  }
  if (static_cast<long>(nb - na) > cap) return cap + 1;
  // A common prefix and suffix change neither distance (edits never need to
  // touch them, also with adjacent transpositions).
  while (na > 0 && a[0] == b[0]) {
    ++a;
    ++b;
    --na;
    --nb;
  }
  while (na > 0 && a[na - 1] == b[nb - 1]) {
    --na;
    --nb;
  }
  if (na == 0) return static_cast<int>(std::min<std::size_t>(nb, static_cast<std::size_t>(cap) + 1));
  if (cap <= 1) return std::min(within_one_edit(a, na, b, nb, transpose), cap + 1);
  // Three rows of the table: on the stack for short strings.
  int stack_rows[3][64];
  std::vector<int> heap_rows;
  int* prev2 = stack_rows[0];
  int* prev = stack_rows[1];
  int* cur = stack_rows[2];
  if (na + 1 > 64) {
    heap_rows.assign(3 * (na + 1), 0);
    prev2 = heap_rows.data();
    prev = prev2 + na + 1;
    cur = prev + na + 1;
  } else {
    std::fill(prev2, prev2 + na + 1, 0);
  }
  for (std::size_t i = 0; i <= na; ++i) prev[i] = static_cast<int>(i);
  for (std::size_t j = 1; j <= nb; ++j) {
    cur[0] = static_cast<int>(j);
    int row_min = cur[0];
    for (std::size_t i = 1; i <= na; ++i) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int v = std::min({prev[i] + 1, cur[i - 1] + 1, prev[i - 1] + cost});
      if (transpose && i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        v = std::min(v, prev2[i - 2] + 1);
      cur[i] = v;
      row_min = std::min(row_min, v);
    }
    if (row_min > cap) return cap + 1;
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return std::min(prev[na], cap + 1);
}

template <typename F>
auto with_code_points(std::string_view a, std::string_view b, F f) {
  if (is_ascii(a) && is_ascii(b)) return f(a.data(), a.size(), b.data(), b.size());
  thread_local std::vector<char32_t> ua, ub;
  decode(a, ua);
  decode(b, ub);
  return f(ua.data(), ua.size(), ub.data(), ub.size());
}

}  // namespace

double jaro_winkler(std::string_view a, std::string_view b) {
  return with_code_points(a, b, [](auto pa, std::size_t na, auto pb, std::size_t nb) {
    return jaro_winkler_impl(pa, na, pb, nb);
  });
}

int levenshtein(std::string_view a, std::string_view b, int cap) {
  return with_code_points(a, b, [cap](auto pa, std::size_t na, auto pb, std::size_t nb) {
    return edit_impl(pa, na, pb, nb, cap, false);
  });
}

int damerau_levenshtein(std::string_view a, std::string_view b, int cap) {
  return with_code_points(a, b, [cap](auto pa, std::size_t na, auto pb, std::size_t nb) {
    return edit_impl(pa, na, pb, nb, cap, true);
  });
}

}  // namespace uncounted::link
