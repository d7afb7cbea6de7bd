// Sealing bytes with libsodium's crypto_secretstream_xchacha20poly1305.
//
// Layout of a sealed stream: the 24-byte stream header, then the plaintext in
// chunks of 64 KiB, each sealed into chunk + 17 bytes; the last chunk (which
// may be empty) carries the FINAL tag, so a stream cut at a chunk boundary is
// detected as truncated. `associated` (e.g. a file header) is authenticated
// with the first chunk: changing it makes opening fail.
//
// Errors never reveal plaintext. Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <functional>
#include <span>

#include "base/result.h"
#include "crypto/secure_bytes.h"

namespace uncounted::crypto {

inline constexpr std::size_t kStreamChunk = 64 * 1024;

// Receives consecutive pieces of the sealed stream (e.g. writes them to a
// file). An error stops sealing and is returned as is.
using ByteSink = std::function<Status(std::span<const std::uint8_t>)>;

// Size of the sealed stream for `plaintext_size` bytes.
std::size_t sealed_size(std::size_t plaintext_size);

// Size of the plaintext in a sealed stream of `sealed_size` bytes; Error if
// no stream can have that size (a truncated file).
Result<std::size_t> opened_size(std::size_t sealed_size);

// Seals `plaintext` under the 32-byte `key`, passing the result to `sink`
// piece by piece (no copy of the whole ciphertext is held).
Status seal_stream(std::span<const std::uint8_t> plaintext, const SecureBytes& key,
                   std::span<const std::uint8_t> associated, const ByteSink& sink);

// Opens `sealed` into `out`, which must have opened_size(sealed.size())
// bytes. Error (and `out` wiped) if the key is wrong, a byte was changed,
// the stream is truncated or has data after its end.
Status open_stream(std::span<const std::uint8_t> sealed, const SecureBytes& key,
                   std::span<const std::uint8_t> associated, std::span<std::uint8_t> out);

}  // namespace uncounted::crypto
