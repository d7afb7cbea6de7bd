// What every store command shares: where the passphrase comes from, who is
// acting (for the audit log), and opening the store.
//
// Thread safety: call from one thread (reads and wipes the environment).
#pragma once

#include <string>

#include "base/result.h"
#include "crypto/passphrase.h"
#include "store/case_store.h"

namespace uncounted {

struct StoreAccess {
  std::string store_path;
  std::string passphrase_file;  // --passphrase-file; else UNCOUNTED_PASSPHRASE; else a prompt
};

// The operating-system user running the command (for the audit log).
std::string current_actor();

// Reads the passphrase and opens the store. Errors as CaseStore::open.
Result<store::CaseStore> open_store(const StoreAccess& access, store::Access mode);

// The passphrase source for `access` (env UNCOUNTED_PASSPHRASE, prompt
// "Passphrase for STORE: ").
crypto::PassphraseSource passphrase_source(const StoreAccess& access);

}  // namespace uncounted
