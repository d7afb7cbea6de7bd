// The lock that stops two writers (and a writer and a reader) from using one
// store at once: an advisory flock(2) on the file "STORE.lock" beside the
// store. The lock is released when the StoreLock is destroyed or the process
// dies (kill -9 included), so a crash never leaves a store locked. The lock
// file holds no data and is never deleted (deleting it would race).
//
// Thread safety: one object per open store; not shared between threads.
#pragma once

#include <string>

#include "base/result.h"

namespace uncounted::store {

enum class LockMode { shared, exclusive };

class StoreLock {
 public:
  // Takes the lock on `lock_path` without waiting. Creates the lock file
  // (mode 0600) if it is missing. Error: another process holds a lock that
  // conflicts ("open for writing by another process"), or the file cannot be
  // created.
  static Result<StoreLock> acquire(const std::string& lock_path, LockMode mode);

  StoreLock() = default;
  ~StoreLock();
  StoreLock(StoreLock&& other) noexcept;
  StoreLock& operator=(StoreLock&& other) noexcept;
  StoreLock(const StoreLock&) = delete;
  StoreLock& operator=(const StoreLock&) = delete;

  bool held() const { return fd_ >= 0; }

 private:
  explicit StoreLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace uncounted::store
