// What every store command shares: where the passphrase comes from, who is
// acting (for the audit log), and opening the store.
//
// Thread safety: call from one thread (reads and wipes the environment).
#pragma once

#include <memory>
#include <string>

#include "base/result.h"
#include "crypto/passphrase.h"
#include "store/case_store.h"

namespace uncounted {

struct StoreAccess {
  std::string store_path;
  std::string passphrase_file;  // --passphrase-file; else UNCOUNTED_PASSPHRASE; else a prompt
  // A passphrase already read (the demo runs several stages on one store;
  // reading UNCOUNTED_PASSPHRASE wipes it); used before any of the above.
  std::shared_ptr<const crypto::SecureBytes> passphrase;
};

// The passphrase for `access`: its own, else from the file, the
// environment or a prompt (crypto/passphrase.h).
Result<crypto::SecureBytes> read_store_passphrase(const StoreAccess& access);

// The operating-system user running the command (for the audit log).
std::string current_actor();

// Reads the passphrase and opens the store. Errors as CaseStore::open.
Result<store::CaseStore> open_store(const StoreAccess& access, store::Access mode);

// The passphrase source for `access` (env UNCOUNTED_PASSPHRASE, prompt
// "Passphrase for STORE: ").
crypto::PassphraseSource passphrase_source(const StoreAccess& access);

}  // namespace uncounted
