#include "store/audit_log.h"

#include <ctime>

#include "crypto/keyed_hash.h"

namespace uncounted::store {
namespace {

const std::string kGenesis(64, '0');

std::string entry_hash(const AuditEntry& e) {
  // Unit separators keep fields from running into each other.
  std::string material = e.prev_hash + '\x1f' + std::to_string(e.seq) + '\x1f' + e.at + '\x1f' + e.actor + '\x1f' +
                         e.action + '\x1f' + e.detail + '\x1f' + e.file_sha256;
  return crypto::blake2b_hex(material);
}

}  // namespace

std::string utc_now() {
  char buf[32];
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Status append_audit(Database& db, const std::string& actor, const std::string& action, const std::string& detail,
                    const std::string& file_sha256) {
  AuditEntry e;
  e.at = utc_now();
  e.actor = actor;
  e.action = action;
  e.detail = detail;
  e.file_sha256 = file_sha256;
  auto last = db.prepare("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
  if (!last) return tl::unexpected(last.error());
  auto row = last->step();
  if (!row) return tl::unexpected(row.error());
  e.seq = *row ? last->column_int(0) + 1 : 1;
  e.prev_hash = *row ? last->column_text(1) : kGenesis;
  e.hash = entry_hash(e);
  auto put = db.prepare(
      "INSERT INTO audit_log(seq, at, actor, action, detail, file_sha256, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?)");
  if (!put) return tl::unexpected(put.error());
  return put->bind(1, e.seq)
      .bind(2, std::string_view(e.at))
      .bind(3, std::string_view(e.actor))
      .bind(4, std::string_view(e.action))
      .bind(5, std::string_view(e.detail))
      .bind(6, std::string_view(e.file_sha256))
      .bind(7, std::string_view(e.prev_hash))
      .bind(8, std::string_view(e.hash))
      .run();
}

Result<std::vector<AuditEntry>> read_audit(Database& db) {
  auto get = db.prepare("SELECT seq, at, actor, action, detail, file_sha256, prev_hash, hash FROM audit_log ORDER BY seq");
  if (!get) return tl::unexpected(get.error());
  std::vector<AuditEntry> out;
  while (true) {
    auto row = get->step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) break;
    out.push_back({get->column_int(0), get->column_text(1), get->column_text(2), get->column_text(3),
                   get->column_text(4), get->column_text(5), get->column_text(6), get->column_text(7)});
  }
  return out;
}

Result<AuditVerdict> verify_audit(Database& db) {
  auto entries = read_audit(db);
  if (!entries) return tl::unexpected(entries.error());
  AuditVerdict verdict;
  verdict.entries = entries->size();
  std::string prev = kGenesis;
  std::int64_t expected_seq = 1;
  for (const auto& e : *entries) {
    std::string why;
    if (e.seq != expected_seq) why = "entry " + std::to_string(expected_seq) + " is missing";
    else if (e.prev_hash != prev) why = "it does not link to the entry before it";
    else if (entry_hash(e) != e.hash) why = "its contents do not match its hash (it was altered)";
    if (!why.empty()) {
      verdict.first_break = e.seq;
      verdict.reason = why;
      return verdict;
    }
    prev = e.hash;
    ++expected_seq;
  }
  return verdict;
}

}  // namespace uncounted::store
