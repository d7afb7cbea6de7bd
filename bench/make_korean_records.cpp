// Writes simulated Korean multi-source records with their truth, for the
// linkage targets of issue 3 (pairwise F1 >= 0.85 at 3,000 people and
// >= 0.75 at 20,000 with `uncounted link` + `uncounted evaluate`).
//
//   make_korean_records [--out DIR] [--people 3000,20000] [--seed 1]
//                       [--sources 4] [--data SHARED_DATA_DIR] [--no-unihan]
//
// For each population size N it writes DIR/people_N/records.csv (all
// sources, canonical columns plus person_id), DIR/people_N/<source>.csv
// (one file per source, for `uncounted import`), DIR/people_N/truth.csv
// (one row per person), and prints a summary. A plain main(), not a
// Google Benchmark: it makes data, it does not time anything.
//
// Build and run:
//   cmake -S . -B build-simulate -G Ninja -DUNCOUNTED_BUILD_BENCHMARKS=ON
//   ninja -C build-simulate make_korean_records
//   build-simulate/bench/make_korean_records --out /tmp/korean
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "base/csv_reader.h"
#include "io/simulated_records_csv.h"
#include "normalize/bzip2.h"
#include "simulate/simulator.h"

namespace {

using namespace uncounted;

std::string read_or_die(const std::string& path) {
  auto text = read_file(path);
  if (!text) {
    fmt::print(stderr, "make_korean_records: {}\n", text.error().message());
    std::exit(1);
  }
  return *text;
}

template <typename T>
T value_or_die(Result<T> r) {
  if (!r) {
    fmt::print(stderr, "make_korean_records: {}\n", r.error().message());
    std::exit(1);
  }
  return std::move(*r);
}

void write_file(const std::filesystem::path& path, const std::function<Status(std::ostream&)>& body) {
  std::ofstream out(path, std::ios::binary);
  auto ok = body(out);
  if (!ok || !out) {
    fmt::print(stderr, "make_korean_records: cannot write {} ({})\n", path.string(),
               ok ? "stream error" : ok.error().message());
    std::exit(1);
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string out_dir = "korean_records";
  std::vector<int> sizes = {3000, 20000};
  std::uint64_t seed = 1;
  int source_count = 4;
  std::string data = UNCOUNTED_SHARED_DATA;
  bool unihan = true;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        fmt::print(stderr, "make_korean_records: {} needs a value\n", a);
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--out") {
      out_dir = next();
    } else if (a == "--people") {
      sizes.clear();
      std::string list = next();
      std::size_t start = 0;
      while (start <= list.size()) {
        const std::size_t comma = list.find(',', start);
        sizes.push_back(std::stoi(list.substr(start, comma - start)));
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
    } else if (a == "--seed") {
      seed = std::stoull(next());
    } else if (a == "--sources") {
      source_count = std::stoi(next());
    } else if (a == "--data") {
      data = next();
    } else if (a == "--no-unihan") {
      unihan = false;
    } else {
      fmt::print(stderr, "usage: make_korean_records [--out DIR] [--people N,N] [--seed S] "
                         "[--sources 1-6] [--data DIR] [--no-unihan]\n");
      return 2;
    }
  }

  const std::string korean = data + "/korean/";
  auto surnames = value_or_die(normalize::SurnameTable::parse(
      read_or_die(korean + "surnames.csv"), "surnames.csv"));
  auto gazetteer = value_or_die(normalize::Gazetteer::parse(
      read_or_die(korean + "kp_admin_gazetteer.csv"), "kp_admin_gazetteer.csv",
      read_or_die(korean + "china_border_places.csv"), "china_border_places.csv"));
  normalize::HanjaReadings hanja;
  if (unihan) {
    const std::string readings =
        value_or_die(normalize::decompress_bzip2(read_or_die(normalize::kDebianUnihanReadings)));
    const std::string variants =
        value_or_die(normalize::decompress_bzip2(read_or_die(normalize::kDebianUnihanVariants)));
    hanja = value_or_die(normalize::HanjaReadings::parse(readings, variants));
  }
  const simulate::KoreanTables tables{&surnames, &gazetteer, unihan ? &hanja : nullptr};

  for (int n : sizes) {
    simulate::SimulationOptions options;
    options.population.seed = seed;
    options.population.people = n;
    options.sources = simulate::default_sources(source_count);
    // One row per record: `uncounted link` reads one row per record, so the
    // linkage bench leaves out the second (detention) event. Its records are
    // then exactly what they were before life-course reporting.
    for (auto& s : options.sources) s.detention_report_rate = 0;
    const auto start = std::chrono::steady_clock::now();
    const auto sim = value_or_die(simulate::simulate(options, tables));
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    const std::filesystem::path dir = std::filesystem::path(out_dir) / fmt::format("people_{}", n);
    std::filesystem::create_directories(dir);
    write_file(dir / "records.csv", [&](std::ostream& o) {
      return write_labelled_records_csv(o, sim.records, sim.record_person_ids);
    });
    for (std::size_t k = 0; k < options.sources.size(); ++k) {
      std::vector<CaseRecord> records;
      std::vector<std::string> ids;
      for (std::size_t r = 0; r < sim.records.size(); ++r) {
        if (sim.record_source[r] != k) continue;
        records.push_back(sim.records[r]);
        ids.push_back(sim.record_person_ids[r]);
      }
      write_file(dir / (options.sources[k].name + ".csv"), [&](std::ostream& o) {
        return write_labelled_records_csv(o, records, ids);
      });
    }
    const auto truth = simulate::truth_table(sim, options, tables);
    write_file(dir / "truth.csv", [&](std::ostream& o) { return write_csv_table(o, truth.header, truth.rows); });

    std::set<std::string> observed(sim.record_person_ids.begin(), sim.record_person_ids.end());
    std::map<std::string, int> names;
    for (const auto& p : sim.people) ++names[p.family_hangul + p.given_hangul];
    int most = 0;
    std::string most_name;
    for (const auto& [name, count] : names)
      if (count > most) most = count, most_name = name;
    std::size_t true_pairs = 0;
    {
      std::map<std::string, std::size_t> per_person;
      for (const auto& id : sim.record_person_ids) ++per_person[id];
      for (const auto& [id, c] : per_person) true_pairs += c * (c - 1) / 2;
    }
    fmt::print("people {:>6}: {} records from {} sources, {} people observed, {} true pairs; "
               "{} distinct names, most common {} x{} ({:.2f} s) -> {}\n",
               n, sim.records.size(), options.sources.size(), observed.size(), true_pairs,
               names.size(), most_name, most, seconds, dir.string());
  }
  return 0;
}
