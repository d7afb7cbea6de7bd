#include "store/database.h"

#include <sqlite3.h>

#include <cstdlib>
#include <cstring>
#include <utility>

namespace uncounted::store {
namespace {

Status configure(sqlite3* db) {
  sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
  // Nothing may reach disk: temporary tables and sort spills stay in memory.
  char* err = nullptr;
  int rc = sqlite3_exec(db,
                        "PRAGMA temp_store=MEMORY; PRAGMA journal_mode=MEMORY; "
                        "PRAGMA foreign_keys=ON; PRAGMA trusted_schema=OFF;",
                        nullptr, nullptr, &err);
  std::string message = err ? err : "";
  sqlite3_free(err);
  if (rc != SQLITE_OK) return fail("cannot configure the in-memory database: " + message);
  return {};
}

}  // namespace

Result<Database> Database::open_empty() {
  return open_serialized(nullptr, 0);
}

Result<Database> Database::open_serialized(unsigned char* bytes, std::int64_t size) {
  sqlite3* db = nullptr;
  auto release = [&] {
    if (bytes) {
      std::memset(bytes, 0, static_cast<std::size_t>(size));
      sqlite3_free(bytes);
    }
  };
  if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    release();
    return fail("cannot open an in-memory database");
  }
  int rc = sqlite3_deserialize(db, "main", bytes, size, size,
                               SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE);
  if (rc != SQLITE_OK) {  // SQLite has already freed the bytes (FREEONCLOSE)
    sqlite3_close(db);
    return fail("cannot load the database into memory");
  }
  Database out(db);
  if (auto ok = configure(db); !ok) return tl::unexpected(ok.error());
  // The image authenticated, so it is what this program sealed; a full
  // check costs seconds on large stores and runs in `uncounted audit`.
  return out;
}

Database::~Database() {
  if (!db_) return;
  // Wipe the plaintext image before SQLite frees it.
  sqlite3_int64 size = 0;
  if (unsigned char* p = sqlite3_serialize(db_, "main", &size, SQLITE_SERIALIZE_NOCOPY))
    std::memset(p, 0, static_cast<std::size_t>(size));
  sqlite3_close(db_);
}

Database::Database(Database&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    if (db_) sqlite3_close(db_);
    db_ = std::exchange(other.db_, nullptr);
  }
  return *this;
}

Status Database::exec(const std::string& sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err);
  std::string message = err ? err : "";
  sqlite3_free(err);
  if (rc != SQLITE_OK) return fail("database error: " + message);
  return {};
}

Result<Statement> Database::prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                         nullptr) != SQLITE_OK)
    return fail(std::string("database error: ") + sqlite3_errmsg(db_));
  return Statement(stmt, db_);
}

Status Database::check_integrity() {
  auto check = prepare("PRAGMA integrity_check(1)");
  if (!check) return tl::unexpected(check.error());
  auto row = check->step();
  if (!row) return tl::unexpected(row.error());
  if (!*row || check->column_text(0) != "ok") return fail("the database inside the store is damaged");
  return {};
}

std::int64_t Database::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }

std::span<const unsigned char> Database::serialized_view() const {
  sqlite3_int64 size = 0;
  unsigned char* p = sqlite3_serialize(db_, "main", &size, SQLITE_SERIALIZE_NOCOPY);
  if (p == nullptr) std::abort();  // every Database is a deserialized (memdb) one
  return {p, static_cast<std::size_t>(size)};
}

Statement::~Statement() {
  if (stmt_) sqlite3_finalize(stmt_);
}

Statement::Statement(Statement&& other) noexcept
    : stmt_(std::exchange(other.stmt_, nullptr)), db_(std::exchange(other.db_, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    if (stmt_) sqlite3_finalize(stmt_);
    stmt_ = std::exchange(other.stmt_, nullptr);
    db_ = std::exchange(other.db_, nullptr);
  }
  return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Statement& Statement::bind_real(int index, double value) {
  sqlite3_bind_double(stmt_, index, value);
  return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
  sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  return *this;
}

Statement& Statement::bind(int index, std::span<const std::uint8_t> blob) {
  sqlite3_bind_blob64(stmt_, index, blob.data(), blob.size(), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::bind_null(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

Statement& Statement::bind(int index, const std::optional<std::int64_t>& value) {
  return value ? bind(index, *value) : bind_null(index);
}

Statement& Statement::bind_text_or_null(int index, std::string_view text) {
  return text.empty() ? bind_null(index) : bind(index, text);
}

Result<bool> Statement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  std::string message = sqlite3_errmsg(db_);
  sqlite3_reset(stmt_);
  return fail("database error: " + message);
}

Status Statement::run() {
  while (true) {
    auto row = step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) break;
  }
  reset();
  return {};
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool Statement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

std::int64_t Statement::column_int(int column) const { return sqlite3_column_int64(stmt_, column); }

double Statement::column_real(int column) const { return sqlite3_column_double(stmt_, column); }

std::string Statement::column_text(int column) const {
  auto* p = sqlite3_column_text(stmt_, column);
  int n = sqlite3_column_bytes(stmt_, column);
  return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n)) : std::string();
}

std::span<const std::uint8_t> Statement::column_blob(int column) const {
  auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt_, column));
  int n = sqlite3_column_bytes(stmt_, column);
  return {p, static_cast<std::size_t>(n)};
}

}  // namespace uncounted::store
