// SHA-256 of a stream of bytes fed in pieces (the fingerprint of a file as it
// is written, without reading it back), equal to crypto::sha256_hex of the
// bytes concatenated.
//
// Thread safety: one object per thread. Not copyable; movable.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

struct crypto_hash_sha256_state;

namespace uncounted::crypto {

class Sha256Stream {
 public:
  Sha256Stream();
  Sha256Stream(Sha256Stream&&) noexcept;
  Sha256Stream& operator=(Sha256Stream&&) noexcept;
  ~Sha256Stream();

  void update(std::span<const std::uint8_t> bytes);
  void update(std::string_view bytes);
  // Lower-case hex of everything given so far; the stream can go on after.
  std::string hex_digest() const;

 private:
  struct Free {
    void operator()(crypto_hash_sha256_state* state) const;
  };
  std::unique_ptr<crypto_hash_sha256_state, Free> state_;
};

}  // namespace uncounted::crypto
