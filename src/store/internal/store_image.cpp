#include "store/internal/store_image.h"

// Debian's libsqlite3 is built with the session extension; its declarations
// are visible only with these macros.
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <sqlite3.h>

#include "crypto/sealed_stream.h"
#include "store/internal/store_format.h"

namespace uncounted::store::internal {
namespace {

struct ConflictContext {
  bool conflict = false;
};

int on_conflict(void* ctx, int, sqlite3_changeset_iter*) {
  static_cast<ConflictContext*>(ctx)->conflict = true;
  return SQLITE_CHANGESET_ABORT;
}

}  // namespace

Result<Database> open_store_image(const std::string& path, std::span<const std::uint8_t> file,
                                  const crypto::SecureBytes& key) {
  if (file.size() < kStoreHeaderSize) return fail(path + ": the store file is truncated; nothing was changed");
  auto sealed = file.subspan(kStoreHeaderSize);
  auto header = decode_store_header(file);
  if (!header) return fail(path + ": " + header.error().message());
  if (sealed.size() < header->sealed_length)
    return fail(path + ": the store file is truncated (" + std::to_string(file.size()) + " of " +
                std::to_string(kStoreHeaderSize + header->sealed_length) + " bytes); nothing was changed");
  if (sealed.size() > header->sealed_length)
    return fail(path + ": the store file has bytes after its end (damaged or altered); nothing was changed");
  auto size = crypto::opened_size(sealed.size());
  if (!size) return fail(path + ": the store file is truncated (it was cut short); nothing was changed");
  auto* image = static_cast<unsigned char*>(sqlite3_malloc64(*size == 0 ? 1 : *size));
  if (!image) return fail(path + ": not enough memory to open the store");
  if (auto ok = crypto::open_stream(sealed, key, file.first(kStoreHeaderSize), {image, *size}); !ok) {
    sqlite3_free(image);
    return fail(path + ": the store file is damaged or was altered (" + ok.error().message() +
                "); nothing was changed. Restore it from a backup");
  }
  auto db = Database::open_serialized(image, static_cast<std::int64_t>(*size));
  if (!db) return fail(path + ": " + db.error().message());
  return db;
}

Status apply_changeset(Database& db, std::span<const std::uint8_t> changeset) {
  ConflictContext ctx;
  int rc = sqlite3changeset_apply(db.handle(), static_cast<int>(changeset.size()),
                                  const_cast<std::uint8_t*>(changeset.data()), nullptr, on_conflict, &ctx);
  if (rc != SQLITE_OK || ctx.conflict) return fail("a journal entry does not apply to the store");
  return {};
}

}  // namespace uncounted::store::internal
