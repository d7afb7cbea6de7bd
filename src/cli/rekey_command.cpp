// `uncounted rekey STORE`: change the passphrase.
#include "app/store_rekey.h"
#include "cli/commands.h"
#include "cli/store_options.h"

namespace uncounted::cli {

void add_rekey_command(CLI::App& app, int& exit_status) {
  auto* cmd = app.add_subcommand(
      "rekey",
      std::string("Change the store's passphrase: the store is re-sealed atomically under a key from the new "
                  "passphrase and a new salt; the old passphrase stops working. ") +
          kPassphraseHelp +
          " The new passphrase comes from --new-passphrase-file, else UNCOUNTED_NEW_PASSPHRASE, else a prompt "
          "(asked twice).");
  auto request = std::make_shared<RekeyRequest>();
  add_store_access(cmd, request->access);
  cmd->add_option("--new-passphrase-file", request->new_passphrase_file,
                  "Read the new passphrase from the first line of this file")
      ->check(CLI::ExistingFile);
  cmd->add_option("--kdf-memory", request->kdf_memory_mib, "Argon2id memory in MiB (8-4096)")
      ->check(CLI::Range(8, 4096))
      ->capture_default_str();
  cmd->add_option("--kdf-passes", request->kdf_passes, "Argon2id passes (1-32)")
      ->check(CLI::Range(1, 32))
      ->capture_default_str();
  cmd->callback([request, &exit_status] {
    auto ok = rekey_store(*request);
    if (!ok) {
      report_error("rekey", ok.error().message());
      exit_status = kExitFailure;
      return;
    }
    std::cout << "re-sealed " << request->access.store_path << " under the new passphrase\n";
    exit_status = kExitOk;
  });
}

}  // namespace uncounted::cli
