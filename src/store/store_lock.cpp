#include "store/store_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace uncounted::store {

Result<StoreLock> StoreLock::acquire(const std::string& lock_path, LockMode mode) {
  int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0)
    return fail(lock_path + ": cannot open the lock file (" + std::strerror(errno) + ")");
  int op = (mode == LockMode::exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB;
  while (::flock(fd, op) != 0) {
    if (errno == EINTR) continue;
    int err = errno;
    ::close(fd);
    if (err == EWOULDBLOCK)
      return fail(lock_path.substr(0, lock_path.size() - 5) +
                  ": the store is in use by another uncounted process (" +
                  (mode == LockMode::exclusive ? "reading or writing" : "writing") +
                  "); try again when it has finished");
    return fail(lock_path + ": cannot lock (" + std::strerror(err) + ")");
  }
  return StoreLock(fd);
}

StoreLock::~StoreLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

StoreLock::StoreLock(StoreLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

StoreLock& StoreLock::operator=(StoreLock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

}  // namespace uncounted::store
