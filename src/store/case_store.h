// The encrypted case store: one sealed file holding an SQLite database that
// lives in memory while open (DESIGN.md section 7).
//
// Files, for a store at path STORE (all mode 0600, none ever holds
// plaintext; layouts in internal/store_format.h):
//   STORE              header + the database sealed with XChaCha20-Poly1305
//                      secretstream under a key from the passphrase
//                      (Argon2id, crypto/key_derivation.h)
//   STORE.journal      encrypted, append-only changes committed since STORE
//                      was last saved (SQLite changesets, each sealed alone)
//   STORE.lock         empty; flock'ed by whoever has the store open
//   STORE.tmp-XXXXXX   exists only during a save: the next STORE, sealed
//
// Durability: write() returns only once its change is on disk: either
// appended to the journal and fsync'ed, or (for large changes) the whole
// store saved atomically (temporary file, fsync, rename, fsync of the
// directory). A crash (kill -9, power loss) at any moment leaves a store that
// opens with every change whose write() returned, and each change wholly
// present or wholly absent.
//
// Integrity: a wrong passphrase, a damaged, truncated or altered store or
// journal entry is refused on open with a clear Error; opening changes no
// file before the store and its journal have authenticated. A journal whose
// last entry was cut short by a crash has that entry dropped (it was never
// committed). Not detected: an attacker deleting the journal, or removing
// whole entries from its end, rolls back the changes not yet saved to STORE.
//
// Thread safety: a CaseStore belongs to one thread. Two processes cannot
// have one store open when either writes (StoreLock).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "base/result.h"
#include "crypto/key_derivation.h"
#include "crypto/secure_bytes.h"
#include "store/database.h"
#include "store/internal/store_format.h"
#include "store/store_lock.h"

namespace uncounted::store {

enum class Access { read, write };

// True if the file at `path` begins like a store (its magic); reads 8 bytes
// and decrypts nothing. For commands that take a STORE in place of a file.
bool is_store_file(const std::string& path);

class CaseStore {
 public:
  // Creates a new store at `path` with the current schema, a fresh
  // pseudonym key and a first audit entry ("init" by `actor`). A journal
  // left at `path`.journal by a deleted store of that name (or an empty
  // file) is removed; any other file there is left alone and the store is
  // not created. Error if a file already exists at `path`, something other
  // than a journal is at `path`.journal, or the directory is not writable.
  static Status create(const std::string& path, const crypto::SecureBytes& passphrase,
                       const crypto::KdfParams& kdf, const std::string& actor);

  // Opens the store: takes the lock (shared to read, exclusive to write),
  // authenticates and decrypts it, and replays the journal. With
  // Access::write, also removes what crashes leave behind (stale journal,
  // torn journal tail, temporary files). A `path` that is a symbolic link is
  // opened by its real name (journal, lock and saves beside the real file).
  // Errors: no store, in use, wrong passphrase, damaged/altered/truncated
  // files, newer schema.
  static Result<CaseStore> open(const std::string& path, const crypto::SecureBytes& passphrase, Access access);

  CaseStore(CaseStore&&) = default;
  CaseStore& operator=(CaseStore&&) = default;
  ~CaseStore();

  // The database, for reading. Change it only through write().
  Database& db() { return db_; }

  // Runs `change` in one transaction and makes it durable (see above)
  // before returning. If `change` fails, the transaction is rolled back and
  // nothing is written. `large` saves the whole store instead of journaling
  // (cheaper for changes of a size comparable to the store). If the change
  // was committed in memory but could not be written, the store refuses
  // further writes: reopen it.
  Status write(const std::function<Status(Database&)>& change, bool large = false);

  // Saves the whole store (next generation) and removes the journal.
  Status checkpoint();

  // Re-seals the store under `new_passphrase` with new KDF parameters (and a
  // new salt), atomically; the journal is folded in first.
  Status rekey(const crypto::SecureBytes& new_passphrase, const crypto::KdfParams& kdf);

  // The store's 32-byte key for pseudonymous ids (kept inside the store, so
  // pseudonyms survive rekeying).
  crypto::SecureBytes pseudonym_key();

  // Things worth telling the user about the open (e.g. a torn journal entry
  // was dropped). No record contents.
  const std::vector<std::string>& notices() const { return notices_; }

  const std::string& path() const { return path_; }
  std::uint64_t generation() const { return header_.generation; }
  std::uint64_t journal_entries() const { return journal_entries_; }

 private:
  CaseStore() = default;
  Status append_to_journal(std::span<const std::uint8_t> changeset);

  std::string path_;
  Access access_ = Access::read;
  StoreLock lock_;
  Database db_;
  internal::StoreHeader header_;
  internal::StoreKeys keys_;
  bool journal_current_ = false;  // a journal based on this generation exists
  std::uint64_t journal_entries_ = 0;
  std::uint64_t journal_bytes_ = 0;
  std::uint64_t store_bytes_ = 0;
  bool broken_ = false;
  std::vector<std::string> notices_;
};

// Paths of a store's companion files.
std::string journal_path(const std::string& store_path);
std::string lock_path(const std::string& store_path);

}  // namespace uncounted::store
