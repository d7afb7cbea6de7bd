#include "base/result.h"

namespace uncounted {

Error::Error(const SourceLocation& where, const std::string& message) {
  std::string prefix = where.file;
  if (where.line > 0) {
    prefix += (prefix.empty() ? "line " : ":") + std::to_string(where.line);
    if (where.column > 0) prefix += ":" + std::to_string(where.column);
  }
  message_ = prefix.empty() ? message : prefix + ": " + message;
}

}  // namespace uncounted
