// Bytes that must not leak: keys and passphrases.
//
// SecureBytes owns memory from sodium_malloc: placed before a guard page,
// locked into RAM where the system allows (mlock), excluded from core dumps,
// and wiped (sodium_free) when the object is destroyed. Move-only.
//
// Thread safety: like a std::vector; no internal locking.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace uncounted::crypto {

class SecureBytes {
 public:
  SecureBytes() = default;
  // `size` zero bytes. Aborts if the memory cannot be allocated.
  explicit SecureBytes(std::size_t size);
  // A copy of `bytes`.
  static SecureBytes copy_of(std::span<const std::uint8_t> bytes);
  static SecureBytes copy_of(std::string_view text);
  ~SecureBytes();
  SecureBytes(SecureBytes&& other) noexcept;
  SecureBytes& operator=(SecureBytes&& other) noexcept;
  SecureBytes(const SecureBytes&) = delete;
  SecureBytes& operator=(const SecureBytes&) = delete;

  std::uint8_t* data() { return data_; }
  const std::uint8_t* data() const { return data_; }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  std::span<const std::uint8_t> bytes() const { return {data_, size_}; }
  // Shrinks the logical size (e.g. after stripping a line end); the memory
  // beyond is wiped.
  void truncate(std::size_t size);

 private:
  std::uint8_t* data_ = nullptr;
  std::size_t size_ = 0;
};

// Compares in constant time.
bool equal(const SecureBytes& a, const SecureBytes& b);

}  // namespace uncounted::crypto
