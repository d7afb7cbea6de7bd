// Keeps plaintext of an open store out of core dumps: sets the core-file size
// limit to 0 and marks the process non-dumpable (prctl PR_SET_DUMPABLE 0,
// which also stops other processes of the same user from ptrace-attaching).
// Call before any plaintext is in memory. Idempotent; never fails (a step the
// system refuses is skipped).
//
// Not covered: swap. Use encrypted swap (or none) on machines that hold
// testimony; the store's plaintext is too large to lock into RAM.
#pragma once

namespace uncounted::crypto {

void harden_process();

}  // namespace uncounted::crypto
