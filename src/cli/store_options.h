// Options and messages shared by the commands that open a store (init,
// import, export, rekey, audit, records, review; and link, histories,
// estimate, report, which take a STORE or files) and by those that read the
// reference data folder. Only the CLI includes this.
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

// Adds --passphrase-file to a command whose input may be a STORE or plain
// files, filling `path` (empty when not given).
inline void add_optional_passphrase_file(CLI::App* cmd, std::string& path) {
  cmd->add_option("--passphrase-file", path, "With a STORE: read its passphrase from the first line of this file");
}

// Adds --data-dir (the reference data folder with the korean/ tables),
// filling `path` (empty: $UNCOUNTED_DATA, else the build's shared data).
inline void add_data_dir(CLI::App* cmd, std::string& path) {
  cmd->add_option("--data-dir", path,
                  "Reference data folder with korean/ tables (default: $UNCOUNTED_DATA or the build's shared data)");
}

// Prints "uncounted COMMAND: MESSAGE" on stderr.
inline void report_error(const std::string& command, const std::string& message) {
  std::cerr << "uncounted " << command << ": " << message << "\n";
}

}  // namespace uncounted::cli
