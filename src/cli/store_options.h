// Options and messages shared by the store commands (init, import, export,
// rekey, audit, records). Only the CLI includes this.
#pragma once

#include <iostream>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "app/store_access.h"

namespace uncounted::cli {

inline constexpr const char* kPassphraseHelp =
    "The passphrase comes from --passphrase-file (its first line), else the environment variable "
    "UNCOUNTED_PASSPHRASE, else a prompt on the terminal (no echo).";

// Adds STORE and --passphrase-file to `cmd`, filling `access`.
inline void add_store_access(CLI::App* cmd, StoreAccess& access) {
  cmd->add_option("STORE", access.store_path, "The encrypted store file")->required();
  cmd->add_option("--passphrase-file", access.passphrase_file,
                  "Read the passphrase from the first line of this file")
      ->check(CLI::ExistingFile);
}

// Prints "uncounted COMMAND: MESSAGE" on stderr.
inline void report_error(const std::string& command, const std::string& message) {
  std::cerr << "uncounted " << command << ": " << message << "\n";
}

}  // namespace uncounted::cli
