// A new file written through the descriptor that created it: the temporary
// files that exports and reports are written to before they are renamed
// into place.
//
// create() opens `path` with O_CREAT | O_EXCL (and O_NOFOLLOW): it fails if
// anything is already there - a file, a directory or a symbolic link, even
// one pointing at a store - so nothing existing is ever truncated or written
// through, and the file is never reopened by name (a file swapped in after
// the creation is not written to). `mode` is the permission the file is
// created with (the umask applies): 0600 for what holds records, 0666 for
// what is meant to be shared.
//
// The SHA-256 of what was written is kept as it is written (sha256_hex()),
// so a caller that records the file's fingerprint need not read it back.
//
// Errors are values: create() fails with "PATH: cannot write (reason)";
// finish() with "PATH: cannot write (disk full?)" when a write or the close
// failed. The destructor closes an unfinished file (it is not removed: the
// caller decides). Not copyable; movable (a moved-from object may only be
// destroyed or assigned to). Not thread-safe: one writer.
#pragma once

#include <sys/types.h>

#include <memory>
#include <ostream>
#include <string>

#include "base/result.h"

namespace uncounted {

class ExclusiveFile {
 public:
  static Result<ExclusiveFile> create(const std::string& path, mode_t mode);

  ExclusiveFile(ExclusiveFile&&) noexcept;
  ExclusiveFile& operator=(ExclusiveFile&&) noexcept;
  ~ExclusiveFile();

  // The stream writing to the file (buffered; written out by finish()).
  std::ostream& out();
  // Flushes, syncs and closes. Ok only if every write and the close worked.
  Status finish();
  // Lower-case hex SHA-256 of the bytes written to the file (after finish():
  // of the whole file).
  std::string sha256_hex() const;

 private:
  struct Impl;
  explicit ExclusiveFile(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace uncounted
