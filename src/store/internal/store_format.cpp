#include "store/internal/store_format.h"

#include <sodium.h>

#include <cstring>

namespace uncounted::store::internal {
namespace {

constexpr std::uint32_t kFormatVersion = 1;
constexpr std::uint32_t kKdfArgon2id13 = 2;

void put_u32(std::uint8_t* p, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) p[i] = static_cast<std::uint8_t>(v >> (8 * i));
}
std::uint32_t get_u32(const std::uint8_t* p) {
  std::uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

}  // namespace

void put_u64(std::uint8_t* p, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) p[i] = static_cast<std::uint8_t>(v >> (8 * i));
}
std::uint64_t get_u64(const std::uint8_t* p) {
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

std::array<std::uint8_t, kStoreHeaderSize> encode_store_header(const StoreHeader& h) {
  std::array<std::uint8_t, kStoreHeaderSize> out{};
  std::memcpy(out.data(), kStoreMagic.data(), kStoreMagic.size());
  put_u32(out.data() + 8, kFormatVersion);
  put_u32(out.data() + 12, kKdfArgon2id13);
  put_u64(out.data() + 16, h.kdf.opslimit);
  put_u64(out.data() + 24, h.kdf.memlimit);
  std::memcpy(out.data() + 40, h.kdf.salt.data(), 16);
  std::memcpy(out.data() + 56, h.key_check.data(), 16);
  std::memcpy(out.data() + 72, h.store_id.data(), 16);
  put_u64(out.data() + 88, h.generation);
  put_u64(out.data() + 96, h.sealed_length);
  return out;
}

Result<StoreHeader> decode_store_header(std::span<const std::uint8_t> b) {
  if (b.size() < 8 || std::memcmp(b.data(), kStoreMagic.data(), kStoreMagic.size()) != 0)
    return fail("not an uncounted store (the file does not start like one)");
  if (b.size() < kStoreHeaderSize) return fail("the store file is truncated");
  if (get_u32(b.data() + 8) != kFormatVersion)
    return fail("the store file has format version " + std::to_string(get_u32(b.data() + 8)) +
                ", which this program cannot read");
  if (get_u32(b.data() + 12) != kKdfArgon2id13) return fail("the store file names an unknown key derivation");
  StoreHeader h;
  h.kdf.opslimit = get_u64(b.data() + 16);
  h.kdf.memlimit = get_u64(b.data() + 24);
  std::memcpy(h.kdf.salt.data(), b.data() + 40, 16);
  std::memcpy(h.key_check.data(), b.data() + 56, 16);
  std::memcpy(h.store_id.data(), b.data() + 72, 16);
  h.generation = get_u64(b.data() + 88);
  h.sealed_length = get_u64(b.data() + 96);
  if (auto ok = crypto::check_kdf_params(h.kdf); !ok)
    return fail("the store header is damaged: " + ok.error().message());
  return h;
}

std::array<std::uint8_t, kJournalHeaderSize> encode_journal_header(const JournalHeader& h) {
  std::array<std::uint8_t, kJournalHeaderSize> out{};
  std::memcpy(out.data(), kJournalMagic.data(), kJournalMagic.size());
  put_u32(out.data() + 8, kFormatVersion);
  std::memcpy(out.data() + 12, h.store_id.data(), 16);
  put_u64(out.data() + 28, h.base_generation);
  return out;
}

Result<JournalHeader> decode_journal_header(std::span<const std::uint8_t> b) {
  if (b.size() < kJournalHeaderSize || std::memcmp(b.data(), kJournalMagic.data(), kJournalMagic.size()) != 0 ||
      get_u32(b.data() + 8) != kFormatVersion)
    return fail("the journal is not an uncounted journal, or is damaged");
  JournalHeader h;
  std::memcpy(h.store_id.data(), b.data() + 12, 16);
  h.base_generation = get_u64(b.data() + 28);
  return h;
}

StoreKeys store_keys(const crypto::SecureBytes& passphrase_key) {
  StoreKeys keys{crypto::derive_subkey(passphrase_key, 1), {}};
  auto check = crypto::derive_subkey(passphrase_key, 2);
  crypto_generichash(keys.key_check.data(), keys.key_check.size(), check.data(), check.size(), nullptr, 0);
  return keys;
}

JournalEntries split_journal(std::span<const std::uint8_t> journal) {
  JournalEntries out;
  std::size_t pos = kJournalHeaderSize;
  out.complete_size = pos;
  while (pos < journal.size()) {
    if (journal.size() - pos < 8) break;
    std::uint64_t n = get_u64(journal.data() + pos);
    if (n > journal.size() - pos - 8) break;
    out.entries.push_back({out.entries.size(), journal.subspan(pos + 8, static_cast<std::size_t>(n))});
    pos += 8 + static_cast<std::size_t>(n);
    out.complete_size = pos;
  }
  out.torn_tail = pos < journal.size();
  return out;
}

}  // namespace uncounted::store::internal
