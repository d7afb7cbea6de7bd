#include "app/store_init.h"

namespace uncounted {

Status init_store(const InitRequest& request) {
  crypto::KdfParams kdf = crypto::KdfParams::fresh();
  kdf.memlimit = request.kdf_memory_mib << 20;
  kdf.opslimit = request.kdf_passes;
  if (auto ok = crypto::check_kdf_params(kdf); !ok) return ok;
  auto source = passphrase_source(request.access);
  source.prompt = "New passphrase for " + request.access.store_path + ": ";
  source.confirm = true;
  auto passphrase = request.access.passphrase ? crypto::SecureBytes::copy_of(request.access.passphrase->bytes())
                                              : crypto::read_passphrase(source);
  if (!passphrase) return tl::unexpected(passphrase.error());
  return store::CaseStore::create(request.access.store_path, *passphrase, kdf, current_actor());
}

}  // namespace uncounted
