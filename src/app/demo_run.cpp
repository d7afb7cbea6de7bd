#include "app/demo_run.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "app/import_records.h"
#include "app/output_paths.h"
#include "app/store_init.h"
#include "app/store_link.h"
#include "app/store_report.h"
#include "base/csv_reader.h"

namespace uncounted {
namespace {

namespace fs = std::filesystem;

constexpr const char* kMarker = ".uncounted-demo";
constexpr const char* kStoreName = "cases.store";

Status prepare_folder(const fs::path& dir) {
  std::error_code ec;
  if (fs::exists(dir, ec)) {
    if (!fs::is_directory(dir, ec)) return fail(dir.string() + ": exists and is not a folder");
    const bool ours = fs::exists(dir / kMarker, ec);
    const bool empty = fs::is_empty(dir, ec);
    if (!ours && !empty)
      return fail(dir.string() + ": the folder holds other files; give the demo a new or empty folder (--out)");
    for (const char* name : {kStoreName, "cases.store.journal", "cases.store.lock", "report.html"})
      fs::remove(dir / name, ec);
  } else {
    fs::create_directories(dir, ec);
    if (ec) return fail(dir.string() + ": cannot create the folder (" + ec.message() + ")");
  }
  std::ofstream marker(dir / kMarker, std::ios::trunc);
  marker << "made by `uncounted demo`; the demo replaces its own files here\n";
  if (!marker) return fail((dir / kMarker).string() + ": cannot write the file");
  return {};
}

// People per repatriation period from the example's truth, "" for all.
Result<std::map<std::string, std::int64_t>> true_totals(const fs::path& people_csv) {
  auto table = read_csv_file(people_csv.string());
  if (!table) return tl::unexpected(table.error());
  auto it = std::find(table->header.begin(), table->header.end(), "repatriation_period");
  if (it == table->header.end())
    return fail(SourceLocation{people_csv.string(), table->header_line, 0}, "no repatriation_period column");
  const auto column = static_cast<std::size_t>(it - table->header.begin());
  std::map<std::string, std::int64_t> out;
  for (const auto& row : table->rows) {
    if (row.fields.size() != table->header.size())
      return fail(SourceLocation{people_csv.string(), row.line, 0}, "the row has the wrong number of fields");
    ++out[row.fields[column]];
    ++out[""];
  }
  return out;
}

}  // namespace

Result<DemoResult> run_demo(const DemoRequest& request) {
  auto say = [&](const std::string& line) {
    if (request.say) request.say(line);
  };
  const fs::path sources_dir = fs::path(request.examples_dir) / "sources";
  if (auto ok = check_output_paths({{"the examples folder", request.examples_dir},
                                    {"the example's sources folder", sources_dir.string()},
                                    {"the reference data folder", request.data_dir}},
                                   {{"--out", request.out_dir}});
      !ok)
    return tl::unexpected(ok.error());
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(sources_dir, ec))
    if (entry.is_regular_file() && entry.path().extension() == ".csv") files.push_back(entry.path());
  if (ec || files.empty())
    return fail(sources_dir.string() + ": no example source files (*.csv) there; see examples/README.md");
  std::sort(files.begin(), files.end());

  DemoResult result;
  auto truth = true_totals(sources_dir / "truth" / "people.csv");
  if (!truth) return tl::unexpected(truth.error());
  result.true_totals = std::move(*truth);

  const fs::path dir(request.out_dir);
  if (auto ok = prepare_folder(dir); !ok) return tl::unexpected(ok.error());
  result.store_path = (dir / kStoreName).string();
  result.report_path = (dir / "report.html").string();
  StoreAccess access{result.store_path, "", nullptr};
  if (const char* set = std::getenv("UNCOUNTED_PASSPHRASE"); set == nullptr || *set == '\0') {
    access.passphrase = std::make_shared<const crypto::SecureBytes>(crypto::SecureBytes::copy_of(kDemoPassphrase));
    result.demo_passphrase = true;
  } else {
    auto read = read_store_passphrase(access);  // once: reading wipes the variable
    if (!read) return tl::unexpected(read.error());
    access.passphrase = std::make_shared<const crypto::SecureBytes>(std::move(*read));
  }

  say("creating the encrypted store " + result.store_path);
  InitRequest init{access, 64, 2};  // a lower Argon2id cost than `init`'s default: demo data only
  if (auto ok = init_store(init); !ok) return tl::unexpected(ok.error());

  for (const auto& file : files) {
    const std::string name = file.stem().string();
    say("importing " + file.filename().string() + " as source and list " + name);
    ImportRequest import;
    import.access = access;
    import.source = name;
    import.list = name;
    import.file = file.string();
    auto imported = import_file(import);
    if (!imported) return tl::unexpected(imported.error());
    result.records += imported->counts.records;
    ++result.sources;
  }

  say("linking the records (Fellegi-Sunter with EM; the run is kept in the store)");
  StoreLinkRequest link;
  link.access = access;
  link.data_dir = request.data_dir;
  auto linked = link_store(link);
  if (!linked) return tl::unexpected(linked.error());
  result.entities = linked->run.summary.entities;
  result.estimated_precision = linked->run.summary.estimated_precision;
  result.estimated_recall = linked->run.summary.estimated_recall;
  for (const auto& n : linked->notices) result.notices.push_back(n);

  say("estimating by five-year period and writing the report (with re-linking at stricter and looser thresholds)");
  StoreReportRequest report;
  report.access = access;
  report.out = result.report_path;
  report.synthetic = true;
  report.period_years = 5;
  report.data_dir = request.data_dir;
  auto made = make_store_report(report);
  if (!made) return tl::unexpected(made.error());
  result.estimate = std::move(made->estimate);
  for (const auto& n : made->notices) result.notices.push_back(n);
  return result;
}

}  // namespace uncounted
