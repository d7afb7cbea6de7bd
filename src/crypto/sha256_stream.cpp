#include "crypto/sha256_stream.h"

#include <sodium.h>

#include "crypto/sodium.h"

namespace uncounted::crypto {

void Sha256Stream::Free::operator()(crypto_hash_sha256_state* state) const { delete state; }

Sha256Stream::Sha256Stream() : state_(new crypto_hash_sha256_state) {
  ensure_sodium();
  crypto_hash_sha256_init(state_.get());
}
Sha256Stream::Sha256Stream(Sha256Stream&&) noexcept = default;
Sha256Stream& Sha256Stream::operator=(Sha256Stream&&) noexcept = default;
Sha256Stream::~Sha256Stream() = default;

void Sha256Stream::update(std::span<const std::uint8_t> bytes) {
  crypto_hash_sha256_update(state_.get(), bytes.data(), bytes.size());
}

void Sha256Stream::update(std::string_view bytes) {
  update({reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()});
}

std::string Sha256Stream::hex_digest() const {
  crypto_hash_sha256_state copy = *state_;  // final() consumes the state
  std::uint8_t out[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&copy, out);
  std::string hex(sizeof out * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), out, sizeof out);
  hex.pop_back();
  return hex;
}

}  // namespace uncounted::crypto
