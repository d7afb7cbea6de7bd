// libFuzzer target: the sealed-file readers. The first byte picks what the
// rest is:
//   0: a whole store file (header, then sealed stream), opened with a fixed
//      key: must be refused or opened, never crash;
//   1: a journal file, split into entries, each opened with the fixed key;
//   2: a plaintext SQLite image, sealed with the fixed key and opened, then
//      read as a case store (schema check, records, audit): what an
//      authenticated but hostile image would do.
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "crypto/keyed_hash.h"
#include "crypto/sealed_stream.h"
#include "store/audit_log.h"
#include "store/internal/store_format.h"
#include "store/internal/store_image.h"
#include "store/record_repository.h"
#include "store/schema.h"

using namespace uncounted;
using namespace uncounted::store;

namespace {

const crypto::SecureBytes& fixed_key() {
  static const crypto::SecureBytes key = [] {
    crypto::SecureBytes k(32);
    for (std::size_t i = 0; i < 32; ++i) k.data()[i] = static_cast<std::uint8_t>(i);
    return k;
  }();
  return key;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::span<const std::uint8_t> bytes(data + 1, size - 1);
  switch (data[0] % 3) {
    case 0: {
      auto header = internal::decode_store_header(bytes);
      if (header) (void)internal::open_store_image("fuzz", bytes, fixed_key());
      break;
    }
    case 1: {
      if (!internal::decode_journal_header(bytes)) break;
      auto split = internal::split_journal(bytes);
      if (split.complete_size > bytes.size()) std::abort();
      for (const auto& e : split.entries) {
        auto n = crypto::opened_size(e.sealed.size());
        if (!n) continue;
        std::vector<std::uint8_t> out(*n);
        (void)crypto::open_stream(e.sealed, fixed_key(), {}, out);
      }
      break;
    }
    case 2: {
      std::vector<std::uint8_t> file(internal::kStoreHeaderSize, 0);
      auto ok = crypto::seal_stream(bytes, fixed_key(), {file.data(), file.size()}, [&](std::span<const std::uint8_t> p) {
        file.insert(file.end(), p.begin(), p.end());
        return Status{};
      });
      if (!ok) std::abort();
      auto db = internal::open_store_image("fuzz", file, fixed_key());
      if (!db) break;
      auto version = schema_version(*db);
      if (!version || *version != kSchemaVersion) break;
      (void)for_each_record(*db, {}, [](const StoredRecord&) { return Status{}; });
      (void)verify_audit(*db);
      break;
    }
  }
  return 0;
}
