// libsodium initialisation.
//
// ensure_sodium() initialises libsodium once per process (thread-safe, may be
// called any number of times). Aborts if libsodium cannot start: nothing in
// this program may run without a working random generator.
#pragma once

namespace uncounted::crypto {

void ensure_sodium();

}  // namespace uncounted::crypto
