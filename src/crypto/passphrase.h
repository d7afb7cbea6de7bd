// Where a passphrase comes from, in order of precedence:
//   1. --passphrase-file FILE: the file's first line (line end removed);
//   2. the environment variable named by `env_var` (UNCOUNTED_PASSPHRASE,
//      or UNCOUNTED_NEW_PASSPHRASE for rekey's new one); its value is wiped
//      from the process's environment memory once read;
//   3. a prompt on the terminal (/dev/tty) with echo off; with `confirm`,
//      asked twice and refused unless both agree.
// The passphrase is returned in locked, wiped-on-free memory. Errors: empty
// passphrase, unreadable file, no terminal to ask on, mismatch.
//
// Thread safety: reads and modifies the process environment; call from one
// thread.
#pragma once

#include <string>

#include "base/result.h"
#include "crypto/secure_bytes.h"

namespace uncounted::crypto {

struct PassphraseSource {
  std::string file;                             // --passphrase-file, or empty
  std::string env_var = "UNCOUNTED_PASSPHRASE";
  std::string prompt = "Passphrase: ";
  bool confirm = false;                         // ask twice (new passphrases)
};

Result<SecureBytes> read_passphrase(const PassphraseSource& source);

}  // namespace uncounted::crypto
