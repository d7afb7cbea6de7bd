#include "crypto/keyed_hash.h"

#include <sodium.h>

#include <vector>

#include "crypto/sodium.h"

namespace uncounted::crypto {
namespace {

std::string to_hex(const std::uint8_t* bytes, std::size_t n) {
  std::string hex(n * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, n);
  hex.pop_back();
  return hex;
}

const std::uint8_t* as_bytes(std::string_view s) { return reinterpret_cast<const std::uint8_t*>(s.data()); }

}  // namespace

std::string keyed_hash_hex(const SecureBytes& key, std::string_view message, std::size_t out_bytes) {
  ensure_sodium();
  std::vector<std::uint8_t> out(out_bytes);
  crypto_generichash(out.data(), out.size(), as_bytes(message), message.size(), key.data(), key.size());
  return to_hex(out.data(), out.size());
}

std::string blake2b_hex(std::string_view message) {
  ensure_sodium();
  std::uint8_t out[32];
  crypto_generichash(out, sizeof out, as_bytes(message), message.size(), nullptr, 0);
  return to_hex(out, sizeof out);
}

std::string sha256_hex(std::span<const std::uint8_t> bytes) {
  ensure_sodium();
  std::uint8_t out[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(out, bytes.data(), bytes.size());
  return to_hex(out, sizeof out);
}

std::string sha256_hex(std::string_view bytes) { return sha256_hex({as_bytes(bytes), bytes.size()}); }

SecureBytes random_bytes(std::size_t size) {
  ensure_sodium();
  SecureBytes out(size);
  randombytes_buf(out.data(), size);
  return out;
}

}  // namespace uncounted::crypto
