// Deterministic generator of synthetic person records with duplicates, for
// the 1,000,000-record de-duplication benchmark (bench/link_benchmarks.sh).
//
//   make_person_records N OUT.csv [SEED]
//
// Columns: record_id,first_name,last_name,dob,city,true_id. Names are made
// of syllables (4,000 surnames and 1,500 first names, skewed frequencies:
// share of rank r proportional to 1/(r+10)); about 17% of people have 1-3
// further records with a typo in a name, a changed digit in the birth date,
// swapped day/month, or a missing city. Same N and SEED, same file.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

struct Rng {
  std::uint64_t s;
  std::uint64_t next() {
    std::uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
};

std::vector<std::string> make_names(std::size_t count, Rng& rng) {
  static const char* syllables[] = {"an", "ber", "ca", "dor", "el", "fin", "ga", "hal", "is", "jo", "ka", "lin",
                                    "mar", "no", "ol", "pe", "qui", "ros", "sa", "tor", "ul", "ve", "wil", "xa",
                                    "yan", "zo", "bri", "cha", "dre", "ste", "tha", "mi"};
  std::vector<std::string> names;
  while (names.size() < count) {
    std::string n;
    const std::size_t parts = 2 + rng.below(2);
    for (std::size_t i = 0; i < parts; ++i) n += syllables[rng.below(32)];
    names.push_back(n);
  }
  return names;
}

// Cumulative weights proportional to 1/(rank + 10).
std::vector<double> skewed(std::size_t count) {
  std::vector<double> c(count);
  double sum = 0;
  for (std::size_t r = 0; r < count; ++r) c[r] = (sum += 1.0 / static_cast<double>(r + 10));
  for (double& x : c) x /= sum;
  return c;
}

std::size_t pick(const std::vector<double>& cumulative, Rng& rng) {
  const double u = rng.uniform();
  std::size_t lo = 0, hi = cumulative.size() - 1;
  while (lo < hi) {
    const std::size_t mid = (lo + hi) / 2;
    if (cumulative[mid] < u)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

std::string typo(std::string s, Rng& rng) {
  if (s.size() < 3) return s;
  const std::size_t i = 1 + rng.below(s.size() - 1);
  switch (rng.below(3)) {
    case 0:
      s[i] = static_cast<char>('a' + rng.below(26));
      break;
    case 1:
      s.erase(i, 1);
      break;
    default:
      std::swap(s[i], s[i - 1]);
      break;
  }
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: make_person_records N OUT.csv [SEED]\n");
    return 2;
  }
  const std::size_t n = std::strtoull(argv[1], nullptr, 10);
  Rng rng{argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 1};
  const auto surnames = make_names(4000, rng);
  const auto first_names = make_names(1500, rng);
  const auto cities = make_names(300, rng);
  const auto surname_cdf = skewed(surnames.size());
  const auto first_cdf = skewed(first_names.size());
  const auto city_cdf = skewed(cities.size());
  std::FILE* out = std::fopen(argv[2], "wb");
  if (!out) {
    std::fprintf(stderr, "cannot write %s\n", argv[2]);
    return 1;
  }
  std::fprintf(out, "record_id,first_name,last_name,dob,city,true_id\n");
  std::size_t written = 0, person = 0;
  char dob[16];
  while (written < n) {
    ++person;
    const std::string first = first_names[pick(first_cdf, rng)];
    const std::string last = surnames[pick(surname_cdf, rng)];
    const int year = 1930 + static_cast<int>(rng.below(80));
    const int month = 1 + static_cast<int>(rng.below(12));
    const int day = 1 + static_cast<int>(rng.below(28));
    const std::string city = cities[pick(city_cdf, rng)];
    const std::size_t copies = rng.uniform() < 0.17 ? 2 + rng.below(3) : 1;
    for (std::size_t c = 0; c < copies && written < n; ++c) {
      std::string f = first, l = last, ci = city;
      int y = year, m = month, d = day;
      if (c > 0) {
        switch (rng.below(5)) {
          case 0: f = typo(f, rng); break;
          case 1: l = typo(l, rng); break;
          case 2: y += rng.uniform() < 0.5 ? 1 : -1; break;
          case 3: if (d <= 12) std::swap(m, d); else d = 1 + static_cast<int>(rng.below(28)); break;
          default: ci.clear(); break;
        }
      }
      std::snprintf(dob, sizeof dob, "%04d-%02d-%02d", y, m, d);
      std::fprintf(out, "%zu,%s,%s,%s,%s,%zu\n", ++written, f.c_str(), l.c_str(), dob, ci.c_str(), person);
    }
  }
  return std::fclose(out) == 0 ? 0 : 1;
}
