#include "crypto/key_derivation.h"

#include <sodium.h>

#include "crypto/sodium.h"

namespace uncounted::crypto {

KdfParams KdfParams::fresh() {
  ensure_sodium();
  KdfParams p;
  randombytes_buf(p.salt.data(), p.salt.size());
  return p;
}

Status check_kdf_params(const KdfParams& p) {
  if (p.opslimit < kMinOpsLimit || p.opslimit > kMaxOpsLimit)
    return fail("the Argon2id pass count " + std::to_string(p.opslimit) + " is outside 1-32");
  if (p.memlimit < kMinMemLimit || p.memlimit > kMaxMemLimit)
    return fail("the Argon2id memory " + std::to_string(p.memlimit >> 20) + " MiB is outside 8-4096 MiB");
  return {};
}

Result<SecureBytes> derive_key(const SecureBytes& passphrase, const KdfParams& params) {
  ensure_sodium();
  if (auto ok = check_kdf_params(params); !ok) return tl::unexpected(ok.error());
  SecureBytes key(kKeyBytes);
  static_assert(sizeof params.salt == crypto_pwhash_SALTBYTES);
  if (crypto_pwhash(key.data(), key.size(), reinterpret_cast<const char*>(passphrase.data()),
                    passphrase.size(), params.salt.data(), params.opslimit,
                    static_cast<std::size_t>(params.memlimit), crypto_pwhash_ALG_ARGON2ID13) != 0)
    return fail("not enough memory to derive the key (Argon2id needs " +
                std::to_string(params.memlimit >> 20) + " MiB)");
  return key;
}

SecureBytes derive_subkey(const SecureBytes& key, std::uint64_t purpose) {
  ensure_sodium();
  static_assert(kKeyBytes == crypto_kdf_KEYBYTES);
  SecureBytes sub(kKeyBytes);
  crypto_kdf_derive_from_key(sub.data(), sub.size(), purpose, "uncountd", key.data());
  return sub;
}

}  // namespace uncounted::crypto
