// Error values for failures a user can cause (bad input, missing files).
//
// Contract: every module API that can fail because of its input returns
// Result<T>; no exception crosses a module boundary. Broken invariants (bugs)
// abort instead. An Error's message is meant for the user: it names the file,
// line and column where one is known, and never quotes record contents beyond
// what is needed to find the bad field.
//
// Thread safety: values; safe to copy and move between threads.
#pragma once

#include <string>
#include <utility>

#include <tl/expected.hpp>

namespace uncounted {

// Where in an input file an error was found. Line and column are 1-based;
// 0 means "not known".
struct SourceLocation {
  std::string file;
  long line = 0;
  long column = 0;
};

class Error {
 public:
  explicit Error(std::string message);
  Error(const SourceLocation& where, const std::string& message);

  // "file:line:column: message" (parts that are not known are left out),
  // safe to print: bytes that are not UTF-8 and control characters other
  // than line feed and tab appear as "\xNN" (base/utf8.h printable_text).
  const std::string& message() const { return message_; }

 private:
  std::string message_;
};

template <typename T>
using Result = tl::expected<T, Error>;

// Result of an operation that returns nothing on success.
using Status = tl::expected<void, Error>;

// Shorthand for `return fail("...")` inside functions returning Result<T>.
inline tl::unexpected<Error> fail(std::string message) {
  return tl::unexpected<Error>(Error(std::move(message)));
}
inline tl::unexpected<Error> fail(const SourceLocation& where, const std::string& message) {
  return tl::unexpected<Error>(Error(where, message));
}

}  // namespace uncounted
