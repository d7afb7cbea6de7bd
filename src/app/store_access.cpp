#include "app/store_access.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>

namespace uncounted {

std::string current_actor() {
  if (passwd* pw = ::getpwuid(::geteuid()); pw != nullptr && pw->pw_name != nullptr) return pw->pw_name;
  if (const char* user = std::getenv("USER")) return user;
  return "uid " + std::to_string(::geteuid());
}

crypto::PassphraseSource passphrase_source(const StoreAccess& access) {
  crypto::PassphraseSource source;
  source.file = access.passphrase_file;
  source.prompt = "Passphrase for " + access.store_path + ": ";
  return source;
}

Result<crypto::SecureBytes> read_store_passphrase(const StoreAccess& access) {
  if (access.passphrase) return crypto::SecureBytes::copy_of(access.passphrase->bytes());
  return crypto::read_passphrase(passphrase_source(access));
}

Result<store::CaseStore> open_store(const StoreAccess& access, store::Access mode) {
  auto passphrase = read_store_passphrase(access);
  if (!passphrase) return tl::unexpected(passphrase.error());
  return store::CaseStore::open(access.store_path, *passphrase, mode);
}

}  // namespace uncounted
