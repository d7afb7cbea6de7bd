#include "store/internal/file_io.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace uncounted::store::internal {
namespace {

std::string dir_of(const std::string& path) {
  auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string base_of(const std::string& path) {
  auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

tl::unexpected<Error> sys_error(const std::string& path, const char* what) {
  return fail(path + ": " + what + " (" + std::strerror(errno) + ")");
}

Status write_all(int fd, const std::string& path, std::span<const std::uint8_t> bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return sys_error(path, "cannot write");
    done += static_cast<std::size_t>(n);
  }
  return {};
}

Status fsync_dir(const std::string& path) {
  std::string dir = dir_of(path);
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return sys_error(dir, "cannot open the directory");
  int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) return sys_error(dir, "cannot sync the directory");
  return {};
}

}  // namespace

Result<FileBytes> read_file_bytes(const std::string& path, bool missing_ok) {
  FileBytes out;
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT && missing_ok) return out;
    if (errno == ENOENT) return fail(path + ": no such store");
    return sys_error(path, "cannot open");
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    ::close(fd);
    return sys_error(path, "cannot stat");
  }
  out.exists = true;
  out.bytes.resize(static_cast<std::size_t>(st.st_size));
  std::size_t done = 0;
  while (done < out.bytes.size()) {
    ssize_t n = ::read(fd, out.bytes.data() + done, out.bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      return sys_error(path, "cannot read");
    }
    if (n == 0) break;
    done += static_cast<std::size_t>(n);
  }
  ::close(fd);
  out.bytes.resize(done);
  return out;
}

bool file_exists(const std::string& path) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0;
}

bool regular_file_begins_with(const std::string& path, std::string_view prefix) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) return false;
  std::ifstream in(path, std::ios::binary);
  std::string head(prefix.size(), '\0');
  return in.read(head.data(), static_cast<std::streamsize>(head.size())) && head == prefix;
}

Status replace_file_atomically(const std::string& path, const std::function<Status(const Writer&)>& produce) {
  std::string temp = path + ".tmp-XXXXXX";
  int fd = ::mkostemp(temp.data(), O_CLOEXEC);  // mode 0600
  if (fd < 0) return sys_error(path, "cannot create a temporary file beside");
  auto abandon = [&](Status error) {
    ::close(fd);
    ::unlink(temp.c_str());
    return error;
  };
  Writer writer = [&](std::span<const std::uint8_t> bytes) { return write_all(fd, temp, bytes); };
  if (auto ok = produce(writer); !ok) return abandon(ok);
  if (::fsync(fd) != 0) return abandon(sys_error(temp, "cannot sync"));
  if (::close(fd) != 0) {
    ::unlink(temp.c_str());
    return sys_error(temp, "cannot close");
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    Status error = sys_error(path, "cannot replace");
    ::unlink(temp.c_str());
    return error;
  }
  return fsync_dir(path);
}

Status append_durably(const std::string& path, std::span<const std::uint8_t> bytes) {
  int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
  if (fd < 0) return sys_error(path, "cannot open for appending");
  if (auto ok = write_all(fd, path, bytes); !ok) {
    ::close(fd);
    return ok;
  }
  int rc = ::fdatasync(fd);
  ::close(fd);
  if (rc != 0) return sys_error(path, "cannot sync");
  return {};
}

Status truncate_durably(const std::string& path, std::uint64_t size) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) return sys_error(path, "cannot open");
  int rc = ::ftruncate(fd, static_cast<off_t>(size));
  if (rc == 0) rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) return sys_error(path, "cannot truncate");
  return {};
}

Status remove_durably(const std::string& path) {
  if (::unlink(path.c_str()) != 0) {
    if (errno == ENOENT) return {};
    return sys_error(path, "cannot remove");
  }
  return fsync_dir(path);
}

void remove_stale_temp_files(const std::string& path) {
  std::string dir = dir_of(path), prefix = base_of(path) + ".tmp-";
  DIR* d = ::opendir(dir.c_str());
  if (!d) return;
  while (dirent* entry = ::readdir(d)) {
    std::string name = entry->d_name;
    if (name.size() == prefix.size() + 6 && name.compare(0, prefix.size(), prefix) == 0)
      ::unlink((dir + "/" + name).c_str());
  }
  ::closedir(d);
}

}  // namespace uncounted::store::internal
