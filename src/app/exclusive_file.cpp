#include "app/exclusive_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <streambuf>

#include "crypto/sha256_stream.h"

namespace uncounted {
namespace {

// A std::streambuf that writes to a file descriptor it does not own, and
// hashes what it writes.
class DescriptorBuffer : public std::streambuf {
 public:
  explicit DescriptorBuffer(int fd) : fd_(fd) { setp(buffer_.data(), buffer_.data() + buffer_.size()); }
  bool failed() const { return failed_; }
  const crypto::Sha256Stream& digest() const { return digest_; }

 protected:
  int_type overflow(int_type ch) override {
    if (!drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(ch, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(ch);
      pbump(1);
    }
    return traits_type::not_eof(ch);
  }
  int sync() override { return drain() ? 0 : -1; }

 private:
  bool drain() {
    digest_.update(std::string_view(pbase(), static_cast<std::size_t>(pptr() - pbase())));
    const char* p = pbase();
    while (p < pptr()) {
      const ssize_t n = ::write(fd_, p, static_cast<std::size_t>(pptr() - p));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        failed_ = true;
        setp(buffer_.data(), buffer_.data() + buffer_.size());
        return false;
      }
      p += n;
    }
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return true;
  }

  int fd_;
  bool failed_ = false;
  crypto::Sha256Stream digest_;
  std::array<char, 1 << 16> buffer_{};
};

}  // namespace

struct ExclusiveFile::Impl {
  Impl(std::string p, int f) : path(std::move(p)), fd(f), buffer(f), stream(&buffer) {}
  ~Impl() {
    if (fd >= 0) ::close(fd);
  }
  std::string path;
  int fd;
  DescriptorBuffer buffer;
  std::ostream stream;
};

Result<ExclusiveFile> ExclusiveFile::create(const std::string& path, mode_t mode) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
  if (fd < 0) return fail(path + ": cannot write (" + std::strerror(errno) + ")");
  return ExclusiveFile(std::make_unique<Impl>(path, fd));
}

ExclusiveFile::ExclusiveFile(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ExclusiveFile::ExclusiveFile(ExclusiveFile&&) noexcept = default;
ExclusiveFile& ExclusiveFile::operator=(ExclusiveFile&&) noexcept = default;
ExclusiveFile::~ExclusiveFile() = default;

std::ostream& ExclusiveFile::out() { return impl_->stream; }

std::string ExclusiveFile::sha256_hex() const { return impl_->buffer.digest().hex_digest(); }

Status ExclusiveFile::finish() {
  impl_->stream.flush();
  bool ok = impl_->stream.good() && !impl_->buffer.failed();
  ok = ::fsync(impl_->fd) == 0 && ok;
  ok = ::close(impl_->fd) == 0 && ok;
  impl_->fd = -1;
  if (!ok) return fail(impl_->path + ": cannot write (disk full?)");
  return {};
}

}  // namespace uncounted
