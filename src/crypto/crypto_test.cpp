#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "crypto/key_derivation.h"
#include "crypto/keyed_hash.h"
#include "crypto/passphrase.h"
#include "crypto/sealed_stream.h"
#include "crypto/sha256_stream.h"

namespace uncounted::crypto {
namespace {

std::vector<std::uint8_t> seal(const std::vector<std::uint8_t>& plain, const SecureBytes& key,
                               std::string_view ad) {
  std::vector<std::uint8_t> out;
  auto ok = seal_stream(plain, key,
                        {reinterpret_cast<const std::uint8_t*>(ad.data()), ad.size()},
                        [&](std::span<const std::uint8_t> piece) -> Status {
                          out.insert(out.end(), piece.begin(), piece.end());
                          return {};
                        });
  EXPECT_TRUE(ok);
  EXPECT_EQ(out.size(), sealed_size(plain.size()));
  return out;
}

Result<std::vector<std::uint8_t>> open(const std::vector<std::uint8_t>& sealed, const SecureBytes& key,
                                       std::string_view ad) {
  auto n = opened_size(sealed.size());
  if (!n) return tl::unexpected(n.error());
  std::vector<std::uint8_t> out(*n);
  auto ok = open_stream(sealed, key, {reinterpret_cast<const std::uint8_t*>(ad.data()), ad.size()}, out);
  if (!ok) return tl::unexpected(ok.error());
  return out;
}

std::vector<std::uint8_t> pattern(std::size_t n) {
  std::vector<std::uint8_t> v(n);
  for (std::size_t i = 0; i < n; ++i) v[i] = static_cast<std::uint8_t>(i * 31 + 7);
  return v;
}

TEST(SealedStream, RoundTripsEverySizeAroundChunkBoundaries) {
  auto key = random_bytes(kKeyBytes);
  for (std::size_t n : {std::size_t{0}, std::size_t{1}, kStreamChunk - 1, kStreamChunk, kStreamChunk + 1,
                        3 * kStreamChunk, 3 * kStreamChunk + 5}) {
    auto plain = pattern(n);
    auto sealed = seal(plain, key, "header");
    auto opened = open(sealed, key, "header");
    ASSERT_TRUE(opened) << n << ": " << opened.error().message();
    EXPECT_EQ(*opened, plain);
  }
}

TEST(SealedStream, RefusesWrongKeyTamperingTruncationAndExtension) {
  auto key = random_bytes(kKeyBytes);
  auto plain = pattern(2 * kStreamChunk + 100);
  auto sealed = seal(plain, key, "header");
  EXPECT_FALSE(open(sealed, random_bytes(kKeyBytes), "header"));
  EXPECT_FALSE(open(sealed, key, "headex"));
  for (std::size_t pos : {std::size_t{0}, std::size_t{30}, sealed.size() / 2, sealed.size() - 1}) {
    auto bad = sealed;
    bad[pos] ^= 1;
    EXPECT_FALSE(open(bad, key, "header")) << pos;
  }
  // Truncation anywhere, including exactly at a chunk boundary.
  for (std::size_t cut : {std::size_t{1}, std::size_t{17}, sealed.size() - 117, std::size_t{24 + 65536 + 17}}) {
    std::vector<std::uint8_t> shorter(sealed.begin(), sealed.end() - static_cast<long>(cut));
    EXPECT_FALSE(open(shorter, key, "header")) << cut;
  }
  auto longer = sealed;
  longer.push_back(0);
  EXPECT_FALSE(open(longer, key, "header"));
  // Two streams glued together are not one stream.
  auto small = seal(pattern(10), key, "header");
  auto glued = small;
  glued.insert(glued.end(), small.begin(), small.end());
  EXPECT_FALSE(open(glued, key, "header"));
}

TEST(SealedStream, SameInputSealsDifferently) {
  auto key = random_bytes(kKeyBytes);
  EXPECT_NE(seal(pattern(100), key, ""), seal(pattern(100), key, ""));
}

TEST(KeyDerivation, DeterministicPerSaltAndPassphrase) {
  KdfParams p = KdfParams::fresh();
  p.opslimit = 1;
  p.memlimit = kMinMemLimit;
  auto a = derive_key(SecureBytes::copy_of("correct horse"), p);
  auto b = derive_key(SecureBytes::copy_of("correct horse"), p);
  auto c = derive_key(SecureBytes::copy_of("correct horsf"), p);
  ASSERT_TRUE(a && b && c);
  EXPECT_TRUE(equal(*a, *b));
  EXPECT_FALSE(equal(*a, *c));
  KdfParams q = p;
  q.salt[0] ^= 1;
  EXPECT_FALSE(equal(*a, *derive_key(SecureBytes::copy_of("correct horse"), q)));
  EXPECT_FALSE(equal(derive_subkey(*a, 1), derive_subkey(*a, 2)));
}

TEST(KeyDerivation, RefusesUnreasonableParameters) {
  KdfParams p = KdfParams::fresh();
  p.memlimit = 1ull << 40;
  EXPECT_FALSE(derive_key(SecureBytes::copy_of("x"), p));
  p.memlimit = kDefaultMemLimit;
  p.opslimit = 0;
  EXPECT_FALSE(check_kdf_params(p));
}

TEST(KeyedHash, KnownValuesAndKeying) {
  EXPECT_EQ(sha256_hex(std::string_view("abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  auto k1 = random_bytes(32), k2 = random_bytes(32);
  EXPECT_EQ(keyed_hash_hex(k1, "src\x1f" "42", 16), keyed_hash_hex(k1, "src\x1f" "42", 16));
  EXPECT_NE(keyed_hash_hex(k1, "src\x1f" "42", 16), keyed_hash_hex(k2, "src\x1f" "42", 16));
  EXPECT_EQ(keyed_hash_hex(k1, "x", 16).size(), 32u);
  EXPECT_EQ(blake2b_hex("").size(), 64u);
}

TEST(Sha256Stream, PiecesGiveTheDigestOfTheWhole) {
  Sha256Stream empty;
  EXPECT_EQ(empty.hex_digest(), sha256_hex(std::string_view("")));
  Sha256Stream s;
  s.update(std::string_view("a"));
  s.update(std::string_view(""));
  EXPECT_EQ(s.hex_digest(), sha256_hex(std::string_view("a")));  // and it goes on after
  s.update(std::string_view("bc"));
  EXPECT_EQ(s.hex_digest(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  std::string big(1000003, 'q');
  Sha256Stream t;
  for (std::size_t i = 0; i < big.size(); i += 4096) t.update(std::string_view(big).substr(i, 4096));
  EXPECT_EQ(t.hex_digest(), sha256_hex(std::string_view(big)));
}

TEST(Passphrase, FromFileAndEnvironment) {
  std::string path = ::testing::TempDir() + "/pass.txt";
  FILE* f = std::fopen(path.c_str(), "w");
  std::fputs("secret words\r\nsecond line\n", f);
  std::fclose(f);
  PassphraseSource source;
  source.file = path;
  auto p = read_passphrase(source);
  ASSERT_TRUE(p);
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(p->data()), p->size()), "secret words");

  ::setenv("UNCOUNTED_TEST_PASS", "from env", 1);
  PassphraseSource env;
  env.env_var = "UNCOUNTED_TEST_PASS";
  auto q = read_passphrase(env);
  ASSERT_TRUE(q);
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(q->data()), q->size()), "from env");
  // The value is wiped from the environment's memory once read.
  EXPECT_EQ(std::string(std::getenv("UNCOUNTED_TEST_PASS")), "");

  ::setenv("UNCOUNTED_TEST_PASS", "", 1);
  EXPECT_FALSE(read_passphrase(env));
  source.file = path + ".missing";
  EXPECT_FALSE(read_passphrase(source));
}

}  // namespace
}  // namespace uncounted::crypto
