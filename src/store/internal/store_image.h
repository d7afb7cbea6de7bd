// Opening what the store's files hold, once the key is known. Internal to
// store/ (and its fuzz target).
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "base/result.h"
#include "crypto/secure_bytes.h"
#include "store/database.h"

namespace uncounted::store::internal {

// Authenticates and decrypts the sealed SQLite image of a whole store file
// (`file` starts with its header) and opens it in memory. `path` is used in
// messages. Error: truncated, damaged or altered (nothing is returned).
Result<Database> open_store_image(const std::string& path, std::span<const std::uint8_t> file,
                                  const crypto::SecureBytes& key);

// Applies one journal entry (an SQLite changeset). Error on any conflict.
Status apply_changeset(Database& db, std::span<const std::uint8_t> changeset);

}  // namespace uncounted::store::internal
