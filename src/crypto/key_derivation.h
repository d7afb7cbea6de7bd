// Keys from passphrases: Argon2id (libsodium crypto_pwhash, ALG_ARGON2ID13).
//
// Parameters (stored, unencrypted but authenticated, in each sealed file's
// header, so a store opens with the parameters it was sealed with):
//   default:  opslimit 3 passes, memlimit 256 MiB (libsodium's "MODERATE"),
//             about 0.5-1 s and 256 MiB of memory per open on a laptop;
//   accepted: opslimit 1-32, memlimit 8 MiB-4 GiB. A header outside this
//             range is refused as damaged (it could only come from tampering,
//             and would make opening hang or exhaust memory).
// The salt is 16 random bytes, new for every key (init and rekey).
//
// Thread safety: pure functions; safe to call concurrently.
#pragma once

#include <array>
#include <cstdint>

#include "base/result.h"
#include "crypto/secure_bytes.h"

namespace uncounted::crypto {

inline constexpr std::size_t kKeyBytes = 32;
inline constexpr std::uint64_t kDefaultOpsLimit = 3;
inline constexpr std::uint64_t kDefaultMemLimit = 256ull << 20;
inline constexpr std::uint64_t kMinOpsLimit = 1, kMaxOpsLimit = 32;
inline constexpr std::uint64_t kMinMemLimit = 8ull << 20, kMaxMemLimit = 4ull << 30;

struct KdfParams {
  std::uint64_t opslimit = kDefaultOpsLimit;
  std::uint64_t memlimit = kDefaultMemLimit;
  std::array<std::uint8_t, 16> salt{};

  // Default costs with a fresh random salt.
  static KdfParams fresh();
};

// Error unless `params` lies in the accepted range (see above).
Status check_kdf_params(const KdfParams& params);

// The 32-byte key for `passphrase`. Error: parameters out of range, or the
// system lacks the memory Argon2id asks for (the message says so).
Result<SecureBytes> derive_key(const SecureBytes& passphrase, const KdfParams& params);

// A 32-byte subkey of `key` for one purpose (1, 2, ...; crypto_kdf), so that
// one passphrase key never serves two purposes.
SecureBytes derive_subkey(const SecureBytes& key, std::uint64_t purpose);

}  // namespace uncounted::crypto
