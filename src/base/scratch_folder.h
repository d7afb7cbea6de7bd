// A fresh, empty folder of its own, for tests that write files: made under
// the system's temporary folder as "uncounted_<label>_<pid>_<n>" (n counts
// the folders this process has made, so tests of one binary never share
// one), and removed with everything in it when the object is destroyed.
//
// Errors: the constructor throws std::filesystem::filesystem_error if the
// folder cannot be made (a test then fails); removal errors are ignored.
// Thread safety: objects may be made on several threads at once.
#pragma once

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>

namespace uncounted {

class ScratchFolder {
 public:
  explicit ScratchFolder(std::string_view label) {
    static std::atomic<unsigned> made{0};
    path_ = std::filesystem::temp_directory_path() /
            ("uncounted_" + std::string(label) + "_" + std::to_string(::getpid()) + "_" + std::to_string(made++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace uncounted
