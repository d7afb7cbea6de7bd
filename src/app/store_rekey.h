// Use case: change a store's passphrase (uncounted rekey). The new
// passphrase comes from --new-passphrase-file, UNCOUNTED_NEW_PASSPHRASE or a
// prompt (asked twice). The store is re-sealed atomically under a key from a
// new salt; the old passphrase stops working at once. Logged in the audit.
#pragma once

#include <cstdint>
#include <string>

#include "app/store_access.h"

namespace uncounted {

struct RekeyRequest {
  StoreAccess access;
  std::string new_passphrase_file;
  std::uint64_t kdf_memory_mib = 256;
  std::uint64_t kdf_passes = 3;
};

Status rekey_store(const RekeyRequest& request);

}  // namespace uncounted
