#include "store/case_store.h"

#include <filesystem>

#include <sodium.h>

// Debian's libsqlite3 is built with the session extension; its declarations
// are visible only with these macros.
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <sqlite3.h>

#include <cstring>
#include <memory>

#include "crypto/process_hardening.h"
#include "crypto/sealed_stream.h"
#include "store/audit_log.h"
#include "store/internal/file_io.h"
#include "store/internal/store_format.h"
#include "store/internal/store_image.h"
#include "store/schema.h"

namespace uncounted::store {

bool is_store_file(const std::string& path) {
  // Only a regular file is read: see internal::regular_file_begins_with.
  return internal::regular_file_begins_with(path, internal::kStoreMagic);
}
namespace {

using internal::JournalHeader;
using internal::StoreHeader;

// Journal entries above this many bytes, or a journal above a quarter of the
// store (and at least kJournalFloor), make write() save the whole store.
constexpr std::uint64_t kJournalFloor = 64ull << 20;

std::span<const std::uint8_t> as_span(const auto& array) { return {array.data(), array.size()}; }

Status write_sealed_store(const std::string& path, const StoreHeader& header, const crypto::SecureBytes& key,
                          std::span<const unsigned char> image) {
  StoreHeader sized = header;
  sized.sealed_length = crypto::sealed_size(image.size());
  auto header_bytes = internal::encode_store_header(sized);
  return internal::replace_file_atomically(path, [&](const internal::Writer& write) -> Status {
    if (auto ok = write(as_span(header_bytes)); !ok) return ok;
    return crypto::seal_stream({image.data(), image.size()}, key, as_span(header_bytes), write);
  });
}

}  // namespace

std::string journal_path(const std::string& store_path) { return store_path + ".journal"; }

namespace {

// True if nothing is at `path`, or a regular file that is empty or begins
// like a journal: what `create` may remove (a journal left by a deleted store
// of the same name, or one torn before its header was written). Anything
// else there - or anything that cannot be looked at - is someone's file.
bool may_remove_as_journal(const std::string& path) {
  std::error_code error;
  const auto status = std::filesystem::symlink_status(path, error);
  if (status.type() == std::filesystem::file_type::not_found) return true;
  if (error || status.type() != std::filesystem::file_type::regular) return false;
  const auto size = std::filesystem::file_size(path, error);
  if (error) return false;
  return size == 0 || internal::regular_file_begins_with(path, internal::kJournalMagic);
}

}  // namespace
std::string lock_path(const std::string& store_path) { return store_path + ".lock"; }

Status CaseStore::create(const std::string& path, const crypto::SecureBytes& passphrase,
                         const crypto::KdfParams& kdf, const std::string& actor) {
  crypto::harden_process();
  if (path.empty() || path.back() == '/') return fail("the store needs a file name");
  if (internal::file_exists(path)) return fail(path + ": a file already exists there; choose another name");
  const auto journal_in_the_way = [&] {
    return fail(journal_path(path) +
                ": a file that is not an uncounted journal is in the way of the new store's journal; "
                "move it or choose another name");
  };
  // Checked before the lock is taken (a refused init leaves no lock file)
  // and again just before the journal is removed.
  if (!may_remove_as_journal(journal_path(path))) return journal_in_the_way();
  auto lock = StoreLock::acquire(lock_path(path), LockMode::exclusive);
  if (!lock) return tl::unexpected(lock.error());
  auto key = crypto::derive_key(passphrase, kdf);
  if (!key) return tl::unexpected(key.error());

  CaseStore store;
  store.path_ = path;
  store.access_ = Access::write;
  store.keys_ = internal::store_keys(*key);
  store.header_.kdf = kdf;
  store.header_.key_check = store.keys_.key_check;
  randombytes_buf(store.header_.store_id.data(), store.header_.store_id.size());
  store.header_.generation = 0;  // checkpoint() writes generation 1
  auto db = Database::open_empty();
  if (!db) return tl::unexpected(db.error());
  store.db_ = std::move(*db);
  if (auto ok = store.db_.exec("BEGIN"); !ok) return ok;
  if (auto ok = migrate(store.db_); !ok) return ok;
  {
    std::uint8_t pseudonym[32];
    randombytes_buf(pseudonym, sizeof pseudonym);
    auto put = store.db_.prepare("INSERT INTO meta(key, value) VALUES (?, ?)");
    if (!put) return tl::unexpected(put.error());
    auto ok = put->bind(1, std::string_view("pseudonym_key")).bind(2, std::span<const std::uint8_t>(pseudonym)).run();
    sodium_memzero(pseudonym, sizeof pseudonym);
    if (!ok) return ok;
    if (auto ok2 = put->bind(1, std::string_view("created_at")).bind(2, std::string_view(utc_now())).run(); !ok2)
      return ok2;
  }
  if (auto ok = append_audit(store.db_, actor, "init", "created the store", ""); !ok) return ok;
  if (auto ok = store.db_.exec("COMMIT"); !ok) return ok;
  // A journal left by an earlier store of the same name must not be replayed.
  if (!may_remove_as_journal(journal_path(path))) return journal_in_the_way();
  if (auto ok = internal::remove_durably(journal_path(path)); !ok) return ok;
  return store.checkpoint();
}

namespace {

// A store reached through a symbolic link is opened by its real name: its
// journal and lock sit beside the real file (through the link, changes
// journaled under the real name were not replayed, and two writers using
// the two names did not exclude each other), and a save renames onto the
// real file (onto the link it replaced the link and left the store behind).
std::string real_store_path(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::is_symlink(path, error)) return path;
  auto real = std::filesystem::canonical(path, error);
  return error ? path : real.string();
}

}  // namespace

Result<CaseStore> CaseStore::open(const std::string& given_path, const crypto::SecureBytes& passphrase,
                                  Access access) {
  crypto::harden_process();
  const std::string path = real_store_path(given_path);
  if (!internal::file_exists(path)) return fail(path + ": no such store (create one with `uncounted init`)");
  // Checked before the lock is taken, so that a file that is not a store
  // gets no PATH.lock beside it.
  if (!is_store_file(path)) return fail(path + ": not an uncounted store (the file does not start like one)");
  auto lock = StoreLock::acquire(lock_path(path), access == Access::write ? LockMode::exclusive : LockMode::shared);
  if (!lock) return tl::unexpected(lock.error());
  auto file = internal::read_file_bytes(path, false);
  if (!file) return tl::unexpected(file.error());
  auto header = internal::decode_store_header(file->bytes);
  if (!header) return fail(path + ": " + header.error().message());
  auto key = crypto::derive_key(passphrase, header->kdf);
  if (!key) return fail(path + ": " + key.error().message());
  auto keys = internal::store_keys(*key);
  if (sodium_memcmp(keys.key_check.data(), header->key_check.data(), keys.key_check.size()) != 0)
    return fail(path + ": wrong passphrase");

  CaseStore store;
  store.path_ = path;
  store.access_ = access;
  store.header_ = *header;
  store.keys_ = std::move(keys);
  store.store_bytes_ = file->bytes.size();
  auto db = internal::open_store_image(path, file->bytes, store.keys_.sealing);
  if (!db) return tl::unexpected(db.error());
  file->bytes = {};
  store.db_ = std::move(*db);

  // The journal: changes committed after this generation was saved.
  std::string jpath = journal_path(path);
  auto journal = internal::read_file_bytes(jpath, true);
  if (!journal) return tl::unexpected(journal.error());
  bool stale = false;
  internal::JournalEntries split;
  if (journal->exists) {
    auto jheader = internal::decode_journal_header(journal->bytes);
    if (!jheader) {
      // A crash while the journal was being created leaves a short header.
      if (journal->bytes.size() >= internal::kJournalHeaderSize)
        return fail(jpath + ": " + jheader.error().message() + "; nothing was changed");
      stale = true;
    } else if (jheader->store_id != header->store_id) {
      return fail(jpath + ": this journal belongs to another store; move it away to open the store");
    } else if (jheader->base_generation < header->generation) {
      stale = true;  // its changes were saved into STORE before a crash removed it
    } else if (jheader->base_generation > header->generation) {
      return fail(path + ": the store file is older than its journal (was it replaced by a backup?); "
                         "nothing was changed");
    } else {
      split = internal::split_journal(journal->bytes);
      auto jhead = std::span<const std::uint8_t>(journal->bytes).first(internal::kJournalHeaderSize);
      for (const auto& entry : split.entries) {
        std::array<std::uint8_t, internal::kJournalHeaderSize + 8> ad{};
        std::memcpy(ad.data(), jhead.data(), jhead.size());
        internal::put_u64(ad.data() + internal::kJournalHeaderSize, entry.number);
        auto size = crypto::opened_size(entry.sealed.size());
        if (!size) return fail(jpath + ": journal entry " + std::to_string(entry.number + 1) + " is damaged");
        std::vector<std::uint8_t> changeset(*size);
        if (auto ok = crypto::open_stream(entry.sealed, store.keys_.sealing, as_span(ad), changeset); !ok)
          return fail(jpath + ": journal entry " + std::to_string(entry.number + 1) +
                      " is damaged or was altered; nothing was changed");
        auto applied = internal::apply_changeset(store.db_, changeset);
        sodium_memzero(changeset.data(), changeset.size());
        if (!applied) return fail(jpath + ": " + applied.error().message());
      }
      store.journal_current_ = true;
      store.journal_entries_ = split.entries.size();
      store.journal_bytes_ = split.complete_size;
      if (split.torn_tail)
        store.notices_.push_back("the journal ended in an incomplete entry (a change interrupted by a crash, "
                                 "never committed); it was ignored");
    }
  }

  if (access == Access::write) {
    if (stale) {
      if (auto ok = internal::remove_durably(jpath); !ok) return tl::unexpected(ok.error());
    } else if (split.torn_tail) {
      if (auto ok = internal::truncate_durably(jpath, split.complete_size); !ok) return tl::unexpected(ok.error());
    }
    internal::remove_stale_temp_files(path);
  }
  auto version = schema_version(store.db_);
  if (!version) return tl::unexpected(version.error());
  if (*version != kSchemaVersion) {
    if (access == Access::write) {
      if (auto ok = store.write([](Database& d) { return migrate(d); }, true); !ok) return tl::unexpected(ok.error());
    } else if (auto ok = migrate(store.db_); !ok) {
      return fail(path + ": " + ok.error().message());
    }
  }
  store.lock_ = std::move(*lock);
  return store;
}

CaseStore::~CaseStore() = default;

Status CaseStore::write(const std::function<Status(Database&)>& change, bool large) {
  if (access_ != Access::write) return fail(path_ + ": internal: the store was opened read-only");
  if (broken_) return fail(path_ + ": an earlier change could not be saved; reopen the store");
  sqlite3_session* session = nullptr;
  if (!large) {
    if (sqlite3session_create(db_.handle(), "main", &session) != SQLITE_OK ||
        sqlite3session_attach(session, nullptr) != SQLITE_OK) {
      sqlite3session_delete(session);
      return fail("cannot record the change for the journal");
    }
  }
  auto end_session = [&] {
    if (session) sqlite3session_delete(session);
    session = nullptr;
  };
  if (auto ok = db_.exec("BEGIN IMMEDIATE"); !ok) {
    end_session();
    return ok;
  }
  if (auto ok = change(db_); !ok) {
    (void)db_.exec("ROLLBACK");
    end_session();
    return ok;
  }
  if (auto ok = db_.exec("COMMIT"); !ok) {
    (void)db_.exec("ROLLBACK");
    end_session();
    return ok;
  }
  if (large) {
    auto ok = checkpoint();
    if (!ok) broken_ = true;
    return ok;
  }
  int size = 0;
  void* changes = nullptr;
  int rc = sqlite3session_changeset(session, &size, &changes);
  end_session();
  std::unique_ptr<void, decltype(&sqlite3_free)> owned(changes, sqlite3_free);
  if (rc != SQLITE_OK) {
    broken_ = true;
    return fail("cannot record the change for the journal");
  }
  if (size == 0) return {};  // nothing changed
  auto bytes = std::span<const std::uint8_t>(static_cast<const std::uint8_t*>(changes), static_cast<std::size_t>(size));
  Status ok = {};
  if (static_cast<std::uint64_t>(size) > kJournalFloor / 4) {
    ok = checkpoint();
  } else {
    ok = append_to_journal(bytes);
    if (ok && journal_bytes_ > std::max(kJournalFloor, store_bytes_ / 4)) {
      // Committed already; a failed save here loses nothing (the journal has it).
      if (auto saved = checkpoint(); !saved) notices_.push_back(saved.error().message());
    }
  }
  sodium_memzero(changes, static_cast<std::size_t>(size));
  if (!ok) broken_ = true;
  return ok;
}

Status CaseStore::append_to_journal(std::span<const std::uint8_t> changeset) {
  std::string jpath = journal_path(path_);
  JournalHeader jheader{header_.store_id, header_.generation};
  auto jhead = internal::encode_journal_header(jheader);
  if (!journal_current_) {
    if (auto ok = internal::replace_file_atomically(jpath, [&](const internal::Writer& w) { return w(as_span(jhead)); });
        !ok)
      return ok;
    journal_current_ = true;
    journal_entries_ = 0;
    journal_bytes_ = jhead.size();
  }
  std::array<std::uint8_t, internal::kJournalHeaderSize + 8> ad{};
  std::memcpy(ad.data(), jhead.data(), jhead.size());
  internal::put_u64(ad.data() + internal::kJournalHeaderSize, journal_entries_);
  std::vector<std::uint8_t> entry(8);
  internal::put_u64(entry.data(), crypto::sealed_size(changeset.size()));
  entry.reserve(8 + crypto::sealed_size(changeset.size()));
  auto sealed = crypto::seal_stream(changeset, keys_.sealing, as_span(ad), [&](std::span<const std::uint8_t> piece) {
    entry.insert(entry.end(), piece.begin(), piece.end());
    return Status{};
  });
  if (!sealed) return sealed;
  if (auto ok = internal::append_durably(jpath, entry); !ok) return ok;
  ++journal_entries_;
  journal_bytes_ += entry.size();
  return {};
}

Status CaseStore::checkpoint() {
  StoreHeader next = header_;
  next.generation = header_.generation + 1;
  auto image = db_.serialized_view();
  if (auto ok = write_sealed_store(path_, next, keys_.sealing, image); !ok) return ok;
  header_ = next;
  store_bytes_ = internal::kStoreHeaderSize + crypto::sealed_size(image.size());
  journal_current_ = false;
  journal_entries_ = 0;
  journal_bytes_ = 0;
  return internal::remove_durably(journal_path(path_));
}

Status CaseStore::rekey(const crypto::SecureBytes& new_passphrase, const crypto::KdfParams& kdf) {
  if (access_ != Access::write) return fail(path_ + ": internal: the store was opened read-only");
  auto key = crypto::derive_key(new_passphrase, kdf);
  if (!key) return tl::unexpected(key.error());
  auto keys = internal::store_keys(*key);
  StoreHeader next = header_;
  next.kdf = kdf;
  next.key_check = keys.key_check;
  next.generation = header_.generation + 1;
  if (auto ok = write_sealed_store(path_, next, keys.sealing, db_.serialized_view()); !ok) return ok;
  header_ = next;
  keys_ = std::move(keys);
  journal_current_ = false;
  journal_entries_ = 0;
  journal_bytes_ = 0;
  return internal::remove_durably(journal_path(path_));
}

crypto::SecureBytes CaseStore::pseudonym_key() {
  auto get = db_.prepare("SELECT value FROM meta WHERE key = 'pseudonym_key'");
  if (!get) std::abort();
  auto row = get->step();
  if (!row || !*row) std::abort();  // every store has one from init
  return crypto::SecureBytes::copy_of(get->column_blob(0));
}

}  // namespace uncounted::store
