// Durable file operations for the store (POSIX). Internal to store/.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace uncounted::store::internal {

// The whole file; Error naming the path if it cannot be read. `missing_ok`
// turns a missing file into an empty optional-like result (exists=false).
struct FileBytes {
  bool exists = false;
  std::vector<std::uint8_t> bytes;
};
Result<FileBytes> read_file_bytes(const std::string& path, bool missing_ok);

bool file_exists(const std::string& path);

// True if `path` is a regular file (or a link to one) that can be read and
// begins with `prefix`. Anything else - a pipe, /dev/stdin, a FIFO, a folder, an
// unreadable file - is false and is not opened for reading (reading a pipe's
// first bytes would consume them, a FIFO without a writer would block).
bool regular_file_begins_with(const std::string& path, std::string_view prefix);

using Writer = std::function<Status(std::span<const std::uint8_t>)>;

// Replaces `path` atomically: writes a temporary file "<path>.tmp-XXXXXX" in
// the same directory (mode 0600) through `produce`, fsyncs it, renames it over
// `path` and fsyncs the directory. On error the temporary file is removed and
// `path` is unchanged.
Status replace_file_atomically(const std::string& path, const std::function<Status(const Writer&)>& produce);

// Appends `bytes` to `path` (which must exist) and fsyncs it.
Status append_durably(const std::string& path, std::span<const std::uint8_t> bytes);

// Truncates `path` to `size` bytes and fsyncs it.
Status truncate_durably(const std::string& path, std::uint64_t size);

// Removes `path` (if present) and fsyncs its directory.
Status remove_durably(const std::string& path);

// Removes leftover "<path>.tmp-*" files of interrupted saves.
void remove_stale_temp_files(const std::string& path);

}  // namespace uncounted::store::internal
