// Hashes: keyed (pseudonyms) and plain (file fingerprints, hash chains).
//
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "crypto/secure_bytes.h"

namespace uncounted::crypto {

// BLAKE2b (crypto_generichash) of `message` keyed with `key` (16-64 bytes),
// `out_bytes` long (16-64), as lower-case hex. Without the key, the output
// reveals nothing about the message: used for pseudonymous ids.
std::string keyed_hash_hex(const SecureBytes& key, std::string_view message, std::size_t out_bytes);

// Unkeyed BLAKE2b-256 as lower-case hex (the audit log's hash chain).
std::string blake2b_hex(std::string_view message);

// SHA-256 as lower-case hex (fingerprints of imported files, comparable with
// `sha256sum`).
std::string sha256_hex(std::span<const std::uint8_t> bytes);
std::string sha256_hex(std::string_view bytes);

// `size` random bytes.
SecureBytes random_bytes(std::size_t size);

}  // namespace uncounted::crypto
