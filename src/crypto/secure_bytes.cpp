#include "crypto/secure_bytes.h"

#include <sodium.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <utility>

#include "crypto/sodium.h"

namespace uncounted::crypto {

SecureBytes::SecureBytes(std::size_t size) : size_(size) {
  ensure_sodium();
  // sodium_malloc(0) may return a valid pointer; keep one byte so data() is never null.
  data_ = static_cast<std::uint8_t*>(sodium_malloc(size == 0 ? 1 : size));
  if (data_ == nullptr) {
    std::fputs("uncounted: cannot allocate protected memory for a key\n", stderr);
    std::abort();
  }
  sodium_memzero(data_, size == 0 ? 1 : size);
}

SecureBytes SecureBytes::copy_of(std::span<const std::uint8_t> bytes) {
  SecureBytes out(bytes.size());
  if (!bytes.empty()) std::memcpy(out.data_, bytes.data(), bytes.size());
  return out;
}

SecureBytes SecureBytes::copy_of(std::string_view text) {
  SecureBytes out(text.size());
  if (!text.empty()) std::memcpy(out.data_, text.data(), text.size());
  return out;
}

SecureBytes::~SecureBytes() {
  if (data_ != nullptr) sodium_free(data_);  // wipes before freeing
}

SecureBytes::SecureBytes(SecureBytes&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

SecureBytes& SecureBytes::operator=(SecureBytes&& other) noexcept {
  if (this != &other) {
    if (data_ != nullptr) sodium_free(data_);
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

void SecureBytes::truncate(std::size_t size) {
  if (size >= size_) return;
  sodium_memzero(data_ + size, size_ - size);
  size_ = size;
}

bool equal(const SecureBytes& a, const SecureBytes& b) {
  return a.size() == b.size() && (a.size() == 0 || sodium_memcmp(a.data(), b.data(), a.size()) == 0);
}

}  // namespace uncounted::crypto
