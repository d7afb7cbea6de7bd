// Byte layouts of the store file and its journal. Internal to store/.
//
// Store file "STORE":
//   offset  size  field
//   0       8     magic "UNCSTOR1"
//   8       4     format version (1), little-endian
//   12      4     key derivation: 2 = Argon2id v1.3
//   16      8     Argon2id opslimit
//   24      8     Argon2id memlimit (bytes)
//   40      16    salt
//   56      16    key check: BLAKE2b(subkey 2 of the passphrase key) - tells a
//                 wrong passphrase from a damaged file
//   72      16    store id (random, fixed at init)
//   88      8     generation (1 at init, +1 on every save)
//   96      8     length of the sealed stream that follows (so truncation is
//                 told apart from tampering)
//   104     ...   sealed stream (crypto/sealed_stream.h) of the SQLite image,
//                 under subkey 1, with bytes 0-103 as associated data
// Nothing in the header is secret; all of it is authenticated.
//
// Journal "STORE.journal" (changes committed since generation G was saved):
//   0       8     magic "UNCJRNL1"
//   8       4     format version (1)
//   12      16    store id
//   28      8     base generation G
//   36      ...   entries: 8-byte length n, then n bytes of sealed stream
//                 (an SQLite changeset) under subkey 1, with associated data
//                 = journal header (36 bytes) + 8-byte entry number (0, 1, ..)
// A journal whose G is below the store's generation is stale (its changes are
// in the store); above it means the store file was replaced by an older one.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "crypto/key_derivation.h"
#include "crypto/secure_bytes.h"

namespace uncounted::store::internal {

inline constexpr std::size_t kStoreHeaderSize = 104;
// The first 8 bytes of a store file and of a journal.
inline constexpr std::string_view kStoreMagic = "UNCSTOR1";
inline constexpr std::string_view kJournalMagic = "UNCJRNL1";
inline constexpr std::size_t kJournalHeaderSize = 36;

using StoreId = std::array<std::uint8_t, 16>;

struct StoreHeader {
  crypto::KdfParams kdf;
  std::array<std::uint8_t, 16> key_check{};
  StoreId store_id{};
  std::uint64_t generation = 1;
  std::uint64_t sealed_length = 0;
};

std::array<std::uint8_t, kStoreHeaderSize> encode_store_header(const StoreHeader& header);
// Error if the bytes are not an uncounted store header (or one this program
// cannot read), or if the KDF parameters are out of range.
Result<StoreHeader> decode_store_header(std::span<const std::uint8_t> bytes);

struct JournalHeader {
  StoreId store_id{};
  std::uint64_t base_generation = 0;
};

std::array<std::uint8_t, kJournalHeaderSize> encode_journal_header(const JournalHeader& header);
Result<JournalHeader> decode_journal_header(std::span<const std::uint8_t> bytes);

// The keys of one store: derived from the passphrase key by crypto_kdf.
struct StoreKeys {
  crypto::SecureBytes sealing;                  // subkey 1
  std::array<std::uint8_t, 16> key_check{};     // BLAKE2b-128 of subkey 2
};
StoreKeys store_keys(const crypto::SecureBytes& passphrase_key);

// One journal entry, split from the journal's bytes.
struct JournalEntry {
  std::uint64_t number = 0;
  std::span<const std::uint8_t> sealed;
};
struct JournalEntries {
  std::vector<JournalEntry> entries;
  std::uint64_t complete_size = 0;  // bytes up to the end of the last whole entry
  bool torn_tail = false;           // bytes after it: an append cut by a crash
};
// Splits the journal's bytes after its header into entries.
JournalEntries split_journal(std::span<const std::uint8_t> journal);

void put_u64(std::uint8_t* p, std::uint64_t v);
std::uint64_t get_u64(const std::uint8_t* p);

}  // namespace uncounted::store::internal
