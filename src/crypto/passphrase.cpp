#include "crypto/passphrase.h"

#include <fcntl.h>
#include <sodium.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace uncounted::crypto {
namespace {

constexpr std::size_t kMaxPassphrase = 4096;

// Reads up to a line end (removed) from `fd` into secure memory.
Result<SecureBytes> read_line(int fd, const std::string& what) {
  SecureBytes buf(kMaxPassphrase);
  std::size_t n = 0;
  while (n < buf.size()) {
    char c;
    ssize_t got = ::read(fd, &c, 1);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return fail(what + ": cannot read the passphrase (" + std::strerror(errno) + ")");
    if (got == 0 || c == '\n') break;
    buf.data()[n++] = static_cast<std::uint8_t>(c);
  }
  if (n == buf.size()) return fail(what + ": the passphrase is longer than 4096 bytes");
  if (n > 0 && buf.data()[n - 1] == '\r') --n;
  buf.truncate(n);
  return buf;
}

Result<SecureBytes> prompt_once(int tty, const std::string& prompt) {
  (void)!::write(tty, prompt.data(), prompt.size());
  termios old{};
  bool have_termios = ::tcgetattr(tty, &old) == 0;
  if (have_termios) {
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    quiet.c_lflag |= ECHONL;
    ::tcsetattr(tty, TCSAFLUSH, &quiet);
  }
  auto line = read_line(tty, "terminal");
  if (have_termios) ::tcsetattr(tty, TCSAFLUSH, &old);
  return line;
}

Result<SecureBytes> from_prompt(const PassphraseSource& source) {
  int tty = ::open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY);
  if (tty < 0)
    return fail("no passphrase: set " + source.env_var +
                ", use --passphrase-file, or run on a terminal to be asked");
  auto first = prompt_once(tty, source.prompt);
  if (first && source.confirm) {
    auto again = prompt_once(tty, "Repeat the passphrase: ");
    if (!again) first = std::move(again);
    else if (!equal(*first, *again)) first = fail("the two passphrases differ");
  }
  ::close(tty);
  return first;
}

}  // namespace

Result<SecureBytes> read_passphrase(const PassphraseSource& source) {
  Result<SecureBytes> pass = fail("no passphrase");
  if (!source.file.empty()) {
    int fd = ::open(source.file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return fail(source.file + ": cannot open the passphrase file (" + std::strerror(errno) + ")");
    pass = read_line(fd, source.file);
    ::close(fd);
  } else if (char* env = std::getenv(source.env_var.c_str()); env != nullptr) {
    std::size_t n = std::strlen(env);
    pass = SecureBytes::copy_of(std::string_view(env, n));
    sodium_memzero(env, n);  // the variable now reads as empty to anything else
  } else {
    pass = from_prompt(source);
  }
  if (pass && pass->empty()) return fail("the passphrase is empty");
  return pass;
}

}  // namespace uncounted::crypto
