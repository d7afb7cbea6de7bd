#include "app/store_export.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <set>
#include <tuple>
#include <unordered_map>
#include <utility>

#include <nlohmann/json.hpp>

#include "app/exclusive_file.h"
#include "app/output_paths.h"
#include "crypto/keyed_hash.h"
#include "io/record_export.h"
#include "store/audit_log.h"
#include "store/link_repository.h"
#include "store/record_repository.h"

namespace uncounted {

namespace {

// The people of the latest link run: each current record's row, in the
// order for_each_record visits them, and the run's entity of each row it
// linked. run = 0 when the store has no link run.
struct RunPeople {
  std::int64_t run = 0;
  std::vector<store::RecordRef> refs;
  std::unordered_map<std::int64_t, std::int64_t> entity_of_row;
};

Result<RunPeople> people_by_latest_run(store::Database& db) {
  RunPeople people;
  auto run = store::latest_link_run(db);
  if (!run) return tl::unexpected(run.error());
  if (!*run) return people;
  auto members = store::run_memberships(db, (*run)->id);
  if (!members) return tl::unexpected(members.error());
  auto refs = store::current_record_refs(db);
  if (!refs) return tl::unexpected(refs.error());
  people.run = (*run)->id;
  people.refs = std::move(*refs);
  for (const auto& m : *members) people.entity_of_row[m.record_row] = m.entity;
  return people;
}

// The public profile's records: redacted, made k-anonymous in the latest
// link run's people (what was done goes to report.suppression and
// report.people_from_run), then sorted by id within each source: in the
// store's order a record's place in the file would tell its rank among its
// source's records (ids given in interview order, say), which k-anonymity
// leaves visible; the ids, and so the order, are drawn anew each export.
Result<std::vector<CaseRecord>> public_records(store::Database& db, const ExportRequest& request,
                                               const Pseudonymizer& pseudonym, ExportReport& report) {
  auto people = people_by_latest_run(db);
  if (!people) return tl::unexpected(people.error());
  std::vector<CaseRecord> records;
  std::vector<std::int64_t> person;
  const auto ok = store::for_each_record(db, {}, [&](const store::StoredRecord& r) -> Status {
    const std::size_t i = records.size();
    records.push_back(redact(r.record, request.profile, pseudonym));
    if (people->run == 0) return {};
    const auto& refs = people->refs;
    if (i >= refs.size() || refs[i].source != r.record.source || refs[i].record_key != r.record.record_id)
      return fail(request.out + ": cannot tell whose the records are (the store's records and their "
                                "list disagree); nothing written");
    // A record the run did not see (imported since) is its own person.
    const auto it = people->entity_of_row.find(refs[i].row);
    person.push_back(it != people->entity_of_row.end() ? it->second : -static_cast<std::int64_t>(i) - 1);
    return {};
  });
  if (!ok) return tl::unexpected(ok.error());
  report.suppression = make_k_anonymous(records, request.k_anonymity, request.keep_below_k,
                                        people->run != 0 ? &person : nullptr);
  report.people_from_run = people->run;
  std::sort(records.begin(), records.end(), [](const CaseRecord& a, const CaseRecord& b) {
    return std::tie(a.source, a.record_id) < std::tie(b.source, b.record_id);
  });
  return records;
}

// The sources that still have a record among `records`: naming one whose
// records were all left out would say who it holds records of.
std::vector<SourceDescription> sources_with_records(const std::vector<SourceDescription>& sources,
                                                    const std::vector<CaseRecord>& records) {
  std::set<std::pair<std::string, std::string>> present;
  for (const auto& r : records) present.emplace(r.source, r.list);
  std::vector<SourceDescription> shown;
  for (const auto& src : sources)
    if (present.count({src.name, src.list})) shown.push_back(src);
  return shown;
}

// Writes the sources and the store's records through `writer`, redacted
// (public: public_records, and only the sources with a record left), and
// completes the document. A text the JSON writer cannot write (not UTF-8:
// a source or list name from before import checked them) is an error, not
// a crash.
Status write_records(store::Database& db, const ExportRequest& request,
                     const std::vector<SourceDescription>& sources, const Pseudonymizer& pseudonym,
                     RecordWriter& writer, ExportReport& report) {
  try {
    if (request.profile == RedactionProfile::public_) {
      auto records = public_records(db, request, pseudonym, report);
      if (!records) return tl::unexpected(records.error());
      writer.write_sources(sources_with_records(sources, *records));
      for (const auto& r : *records) writer.write(r);
      report.records = records->size();
    } else {
      writer.write_sources(sources);
      const auto ok = store::for_each_record(db, {}, [&](const store::StoredRecord& r) -> Status {
        writer.write(redact(r.record, request.profile, pseudonym));
        ++report.records;
        return {};
      });
      if (!ok) return ok;
    }
    writer.finish();
    return {};
  } catch (const nlohmann::json::exception&) {
    return fail(request.out + ": cannot write: a text in the store is not valid UTF-8 (a source or list name "
                              "imported before names were checked?)");
  }
}

}  // namespace

Result<ExportReport> export_store(const ExportRequest& request) {
  std::vector<InputPath> inputs = store_paths(request.access.store_path);
  inputs.push_back({"the passphrase file", request.access.passphrase_file});
  // The export is written to OUT.part first: it must not be one of them either.
  if (auto ok = check_output_paths(inputs, {{"--out", request.out},
                                            {"--out (its temporary file)", request.out + ".part"}});
      !ok)
    return tl::unexpected(ok.error());
  auto format = export_format_for(request.out);
  if (!format) return tl::unexpected(format.error());
  struct stat st {};
  if (!request.overwrite && ::lstat(request.out.c_str(), &st) == 0)
    return fail(request.out + ": the file exists (use --force to replace it)");
  auto opened = open_store(request.access, store::Access::write);
  if (!opened) return tl::unexpected(opened.error());
  // A public export's ids are keyed with a key drawn for it and then
  // forgotten: the same record gets another id in every public export, so
  // two releases cannot be lined up record by record (which would show
  // exactly which records are new, or changed). The other profiles keep
  // the store's key (stable ids, to match a partner's later questions).
  const crypto::SecureBytes key = request.profile == RedactionProfile::public_
                                      ? crypto::random_bytes(32)  // crypto_generichash_KEYBYTES
                                      : opened->pseudonym_key();
  Pseudonymizer pseudonym = [&](const std::string& m) { return crypto::keyed_hash_hex(key, m, 16); };

  // The sources' metadata describes sources, not people: every profile keeps it.
  auto sources = store::count_records(opened->db());
  if (!sources) return tl::unexpected(sources.error());
  std::vector<SourceDescription> described;
  for (const auto& s : *sources) {
    const auto& m = s.metadata;
    described.push_back({s.source, s.list, m.type.value_or(""), m.language.value_or(""),
                         m.date ? m.date->verbatim : std::string(), m.reliability.value_or(0)});
  }
  std::string temp = request.out + ".part";
  ExportReport report;
  {
    // Readable by its owner only, as the store is (an unredacted export holds
    // everything the store holds); a leftover .part of a killed export is
    // replaced, not reused with its old permissions.
    // Written through the descriptor that created it (never reopened by
    // name, so a file swapped in meanwhile is not written to).
    ::unlink(temp.c_str());  // a leftover file or link, never a folder
    auto file = ExclusiveFile::create(temp, 0600);
    if (!file) return tl::unexpected(file.error());
    auto writer = RecordWriter::make(*format, file->out(), request.profile);
    const Status ok = write_records(opened->db(), request, described, pseudonym, *writer, report);
    const Status closed = file->finish();
    if (!ok || !closed) {
      std::remove(temp.c_str());
      return ok ? fail(request.out + ": cannot write (disk full?)") : tl::unexpected(ok.error());
    }
    report.file_sha256 = file->sha256_hex();  // of the bytes written, not read back
  }
  if (std::rename(temp.c_str(), request.out.c_str()) != 0) {
    std::remove(temp.c_str());
    return fail(request.out + ": cannot write (" + std::strerror(errno) + ")");
  }
  std::string detail = std::string("export profile=") + to_string(request.profile) + " file=" + request.out +
                       " records=" + std::to_string(report.records);
  if (request.profile == RedactionProfile::public_) {
    std::size_t blanked = 0;
    for (std::size_t n : report.suppression.blanked) blanked += n;
    const SuppressionSummary& sup = report.suppression;
    detail += " k=" + std::to_string(sup.k) + " blanked=" + std::to_string(blanked) +
              " records_changed=" + std::to_string(sup.records_changed) +
              " below_k=" + std::to_string(sup.records_left_below_k) + (sup.below_k_kept ? "(kept)" : "(left out)") +
              " below_k_people=" + std::to_string(sup.people_left_below_k) +
              " crowds=" + std::to_string(sup.crowd_records) +
              " people_from_run=" + std::to_string(report.people_from_run);
  }
  auto logged = opened->write([&](store::Database& db) {
    return store::append_audit(db, current_actor(), "export", detail, report.file_sha256);
  });
  if (!logged) return fail(request.access.store_path + ": the export was written but not logged: " + logged.error().message());
  return report;
}

}  // namespace uncounted
