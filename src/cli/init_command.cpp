// `uncounted init STORE`: a new, empty encrypted store.
#include "app/store_init.h"
#include "cli/commands.h"
#include "cli/store_options.h"

namespace uncounted::cli {

void add_init_command(CLI::App& app, int& exit_status) {
  auto* cmd = app.add_subcommand(
      "init",
      std::string("Create a new encrypted case store: one file sealed with XChaCha20-Poly1305 under a key derived "
                  "from a passphrase by Argon2id. ") +
          kPassphraseHelp + " When prompting, the passphrase is asked twice.");
  auto request = std::make_shared<InitRequest>();
  add_store_access(cmd, request->access);
  cmd->add_option("--kdf-memory", request->kdf_memory_mib,
                  "Argon2id memory in MiB (8-4096); more makes guessing the passphrase slower")
      ->check(CLI::Range(8, 4096))
      ->capture_default_str();
  cmd->add_option("--kdf-passes", request->kdf_passes, "Argon2id passes (1-32)")
      ->check(CLI::Range(1, 32))
      ->capture_default_str();
  cmd->callback([request, &exit_status] {
    auto ok = init_store(*request);
    if (!ok) {
      report_error("init", ok.error().message());
      exit_status = kExitFailure;
      return;
    }
    std::cout << "created " << request->access.store_path << " (Argon2id: " << request->kdf_passes << " passes, "
              << request->kdf_memory_mib << " MiB)\n";
    exit_status = kExitOk;
  });
}

}  // namespace uncounted::cli
