#include "app/store_rekey.h"

#include "store/audit_log.h"

namespace uncounted {

Status rekey_store(const RekeyRequest& request) {
  crypto::KdfParams kdf = crypto::KdfParams::fresh();
  kdf.memlimit = request.kdf_memory_mib << 20;
  kdf.opslimit = request.kdf_passes;
  if (auto ok = crypto::check_kdf_params(kdf); !ok) return ok;
  auto opened = open_store(request.access, store::Access::write);
  if (!opened) return tl::unexpected(opened.error());
  crypto::PassphraseSource source;
  source.file = request.new_passphrase_file;
  source.env_var = "UNCOUNTED_NEW_PASSPHRASE";
  source.prompt = "New passphrase for " + request.access.store_path + ": ";
  source.confirm = true;
  auto passphrase = crypto::read_passphrase(source);
  if (!passphrase) return fail("new passphrase: " + passphrase.error().message());
  std::string detail = "rekey argon2id passes=" + std::to_string(kdf.opslimit) +
                       " memory_mib=" + std::to_string(kdf.memlimit >> 20);
  // Logged first (journaled under the old key), then folded in by the re-seal.
  if (auto ok = opened->write([&](store::Database& db) {
        return store::append_audit(db, current_actor(), "rekey", detail, "");
      });
      !ok)
    return ok;
  return opened->rekey(*passphrase, kdf);
}

}  // namespace uncounted
