// A thin RAII wrapper over an SQLite connection and its prepared statements.
//
// The case store keeps its database in memory only (see case_store.h); this
// wrapper neither opens files nor lets SQLite write temporary files
// (temp_store=MEMORY is set on every connection it makes).
//
// Errors are Results whose messages name the SQL step but never the values
// bound to it (values are record contents).
//
// Thread safety: a Database and its Statements belong to one thread.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "base/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace uncounted::store {

class Statement;

class Database {
 public:
  // An empty in-memory database that can be serialized without a copy.
  static Result<Database> open_empty();
  // Takes ownership of `bytes` (allocated with sqlite3_malloc64, `size`
  // bytes: a serialized database) and opens it in memory. On error the
  // bytes are wiped and freed.
  static Result<Database> open_serialized(unsigned char* bytes, std::int64_t size);

  Database() = default;
  ~Database();
  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs one or more statements without results.
  Status exec(const std::string& sql);
  Result<Statement> prepare(std::string_view sql);
  std::int64_t last_insert_rowid() const;
  // SQLite's integrity_check over the whole database (seconds for large
  // ones). Error if anything is damaged.
  Status check_integrity();

  // The serialized database, without a copy: valid until the next change.
  std::span<const unsigned char> serialized_view() const;

  sqlite3* handle() const { return db_; }

 private:
  explicit Database(sqlite3* db) : db_(db) {}
  sqlite3* db_ = nullptr;
};

// A prepared statement. Bind with 1-based indexes; step() returns true while
// there is a row, false when done.
class Statement {
 public:
  Statement() = default;
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, std::int64_t value);
  Statement& bind_real(int index, double value);  // named apart: an int would silently pick it
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, std::span<const std::uint8_t> blob);
  Statement& bind_null(int index);
  // Binds the value or NULL.
  Statement& bind(int index, const std::optional<std::int64_t>& value);
  Statement& bind_text_or_null(int index, std::string_view text);  // "" binds NULL

  Result<bool> step();
  // Runs to completion (for INSERT/UPDATE); then resets for reuse.
  Status run();
  void reset();

  bool is_null(int column) const;
  std::int64_t column_int(int column) const;
  double column_real(int column) const;
  std::string column_text(int column) const;
  std::span<const std::uint8_t> column_blob(int column) const;

 private:
  friend class Database;
  Statement(sqlite3_stmt* stmt, sqlite3* db) : stmt_(stmt), db_(db) {}
  sqlite3_stmt* stmt_ = nullptr;
  sqlite3* db_ = nullptr;
};

}  // namespace uncounted::store
