#include "app/import_records.h"

#include <algorithm>

#include "base/csv_reader.h"
#include "base/utf8.h"
#include "crypto/keyed_hash.h"
#include "io/record_import.h"

namespace uncounted {

namespace {

// A source or list name is printed by every command and written into every
// export: one line of visible UTF-8 text. Refused: bytes that are not UTF-8
// (a JSON export could not write them), control characters (C0, DEL, C1),
// the line and paragraph separators U+2028 and U+2029, the bidirectional
// controls (which reorder the text around them where it is shown), and a
// name of spaces only. Names given before this check are kept; a source
// holding one can still be read and exported, not added to.
bool is_hidden_or_control(char32_t c) {
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 || c == 0x061c ||
         c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

Status check_name(const char* option, const std::string& name) {
  const auto code_points = decode_utf8(name);
  if (!code_points) return fail(std::string(option) + " is not valid UTF-8 text");
  if (std::all_of(code_points->begin(), code_points->end(), [](char32_t c) { return c == U' ' || c == 0x3000; }))
    return fail(std::string(option) + " must not be empty or only spaces");
  for (char32_t c : *code_points)
    if (is_hidden_or_control(c))
      return fail(std::string(option) +
                  " must be one line of visible text (no control characters, line breaks, tabs or "
                  "direction marks)");
  return {};
}

}  // namespace

Result<ImportReport> import_file(const ImportRequest& request) {
  if (auto ok = check_name("--source", request.source); !ok) return tl::unexpected(ok.error());
  if (auto ok = check_name("--list", request.list); !ok) return tl::unexpected(ok.error());
  if (auto ok = store::validate_source_metadata(request.metadata); !ok) return tl::unexpected(ok.error());
  auto progress = [&](std::string_view stage, double done) {
    if (request.progress) request.progress(stage, done);
  };
  std::optional<ColumnMapping> mapping;
  if (!request.mapping_file.empty()) {
    auto m = read_column_mapping(request.mapping_file);
    if (!m) return tl::unexpected(m.error());
    mapping = std::move(*m);
  }
  progress("reading", 0.0);
  auto text = read_file(request.file);
  if (!text) return tl::unexpected(text.error());
  ImportReport report;
  report.file_sha256 = crypto::sha256_hex(std::string_view(*text));
  RecordImportOptions options{request.source, request.list, mapping ? &*mapping : nullptr, {}};
  if (request.progress) options.progress = [&](double done) { request.progress("reading", done); };
  auto parsed = import_records(*text, request.file, options);
  if (!parsed) return tl::unexpected(parsed.error());
  text = std::string();  // the records are parsed; the raw text is no longer needed
  report.rows = parsed->rows;
  store::ImportBatch batch{request.source, request.list, request.metadata, request.file, report.file_sha256,
                           parsed->format, current_actor(), parsed->rows};
  progress("opening", 0.0);
  auto opened = open_store(request.access, request.dry_run ? store::Access::read : store::Access::write);
  if (!opened) return tl::unexpected(opened.error());
  report.notices = opened->notices();
  if (request.dry_run) {
    auto counts = store::preview_records(opened->db(), batch, parsed->records, request.progress);
    if (!counts) return tl::unexpected(counts.error());
    report.counts = *counts;
    return report;
  }
  auto ok = opened->write(
      [&](store::Database& db) -> Status {
        auto counts = store::put_records(db, batch, parsed->records, request.progress);
        if (!counts) return tl::unexpected(counts.error());
        report.counts = *counts;
        progress("saving", 0.0);
        return {};
      },
      parsed->rows > kLargeImportRows);
  if (!ok) return fail(request.access.store_path + ": " + ok.error().message());
  for (const auto& n : opened->notices()) report.notices.push_back(n);
  return report;
}

}  // namespace uncounted
