#include "base/result.h"

#include "base/utf8.h"

namespace uncounted {

Error::Error(const SourceLocation& where, const std::string& message) {
  std::string prefix = where.file;
  if (where.line > 0) {
    prefix += (prefix.empty() ? "line " : ":") + std::to_string(where.line);
    if (where.column > 0) prefix += ":" + std::to_string(where.column);
  }
  message_ = printable_text(prefix.empty() ? message : prefix + ": " + message);
}

Error::Error(std::string message) : message_(printable_text(message)) {}

}  // namespace uncounted
