#include "crypto/sodium.h"

#include <sodium.h>

#include <cstdio>
#include <cstdlib>

namespace uncounted::crypto {

void ensure_sodium() {
  static const bool ok = sodium_init() >= 0;
  if (!ok) {
    std::fputs("uncounted: libsodium failed to initialise\n", stderr);
    std::abort();
  }
}

}  // namespace uncounted::crypto
