// Use case: create a new, empty encrypted store (uncounted init).
#pragma once

#include <cstdint>

#include "app/store_access.h"

namespace uncounted {

struct InitRequest {
  StoreAccess access;
  std::uint64_t kdf_memory_mib = 256;  // Argon2id memory (8-4096 MiB)
  std::uint64_t kdf_passes = 3;        // Argon2id passes (1-32)
};

// Asks for the new passphrase (twice when prompting) and creates the store.
// Error: a file exists at the path, bad KDF settings, no passphrase.
Status init_store(const InitRequest& request);

}  // namespace uncounted
