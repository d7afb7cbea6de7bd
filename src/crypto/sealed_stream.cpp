#include "crypto/sealed_stream.h"

#include <sodium.h>

#include <algorithm>
#include <vector>

#include "crypto/sodium.h"

namespace uncounted::crypto {
namespace {

constexpr std::size_t kHeader = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
constexpr std::size_t kOverhead = crypto_secretstream_xchacha20poly1305_ABYTES;
constexpr std::size_t kSealedChunk = kStreamChunk + kOverhead;

}  // namespace

std::size_t sealed_size(std::size_t plaintext_size) {
  // Full chunks, then one final chunk holding the rest (possibly empty).
  std::size_t full = plaintext_size / kStreamChunk;
  return kHeader + full * kSealedChunk + (plaintext_size % kStreamChunk) + kOverhead;
}

Result<std::size_t> opened_size(std::size_t size) {
  if (size < kHeader + kOverhead) return fail("the sealed data is truncated");
  std::size_t body = size - kHeader;
  std::size_t full = body / kSealedChunk;
  std::size_t rest = body % kSealedChunk;
  // Every stream ends with a final chunk of 0..kStreamChunk-1 bytes plus overhead.
  if (rest < kOverhead) return fail("the sealed data is truncated");
  return full * kStreamChunk + (rest - kOverhead);
}

Status seal_stream(std::span<const std::uint8_t> plaintext, const SecureBytes& key,
                   std::span<const std::uint8_t> associated, const ByteSink& sink) {
  ensure_sodium();
  crypto_secretstream_xchacha20poly1305_state state;
  std::uint8_t header[kHeader];
  crypto_secretstream_xchacha20poly1305_init_push(&state, header, key.data());
  if (auto ok = sink({header, kHeader}); !ok) return ok;
  std::vector<std::uint8_t> chunk(kSealedChunk);
  std::size_t pos = 0;
  bool first = true;
  while (true) {
    std::size_t n = std::min(kStreamChunk, plaintext.size() - pos);
    bool last = pos + n == plaintext.size() && n < kStreamChunk;
    unsigned long long written = 0;
    crypto_secretstream_xchacha20poly1305_push(
        &state, chunk.data(), &written, plaintext.data() + pos, n,
        first ? associated.data() : nullptr, first ? associated.size() : 0,
        last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0);
    first = false;
    pos += n;
    if (auto ok = sink({chunk.data(), static_cast<std::size_t>(written)}); !ok) return ok;
    if (last) break;
  }
  sodium_memzero(&state, sizeof state);
  return {};
}

Status open_stream(std::span<const std::uint8_t> sealed, const SecureBytes& key,
                   std::span<const std::uint8_t> associated, std::span<std::uint8_t> out) {
  ensure_sodium();
  auto expected = opened_size(sealed.size());
  if (!expected) return tl::unexpected(expected.error());
  if (*expected != out.size()) return fail("internal: wrong output size for a sealed stream");
  crypto_secretstream_xchacha20poly1305_state state;
  if (crypto_secretstream_xchacha20poly1305_init_pull(&state, sealed.data(), key.data()) != 0)
    return fail("the sealed data is damaged");
  std::size_t in = kHeader, pos = 0;
  bool first = true;
  auto failed = [&](const char* why) {
    sodium_memzero(out.data(), out.size());
    sodium_memzero(&state, sizeof state);
    return fail(why);
  };
  while (true) {
    std::size_t n = std::min(kSealedChunk, sealed.size() - in);
    unsigned long long got = 0;
    unsigned char tag = 0;
    if (crypto_secretstream_xchacha20poly1305_pull(&state, out.data() + pos, &got, &tag,
                                                   sealed.data() + in, n,
                                                   first ? associated.data() : nullptr,
                                                   first ? associated.size() : 0) != 0)
      return failed("the sealed data does not authenticate (wrong key, or the data was altered)");
    first = false;
    in += n;
    pos += static_cast<std::size_t>(got);
    bool end = in == sealed.size();
    bool final_tag = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
    if (final_tag != end)
      return failed(final_tag ? "the sealed data has bytes after its end"
                              : "the sealed data is truncated");
    if (end) break;
  }
  sodium_memzero(&state, sizeof state);
  return {};
}

}  // namespace uncounted::crypto
