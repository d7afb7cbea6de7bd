// A one-line progress display on stderr for long commands (`link`,
// `import`), drawn only when stderr is a terminal (nothing at all otherwise,
// so logs and pipes stay clean; DESIGN.md section 4). It shows a stage name,
// a bar, the percentage and the elapsed time: callers pass fixed stage names,
// never record contents.
#pragma once

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <string_view>

namespace uncounted::cli {

class ProgressBar {
 public:
  ProgressBar() : ProgressBar(isatty(STDERR_FILENO) == 1) {}
  explicit ProgressBar(bool enabled) : enabled_(enabled), start_(std::chrono::steady_clock::now()) {}
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;
  ~ProgressBar() { finish(); }

  void update(std::string_view stage, double done) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (stage == stage_ && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    stage_ = std::string(stage);
    const int width = 30;
    const int filled = static_cast<int>(done * width + 0.5);
    std::string bar(static_cast<std::size_t>(std::max(0, std::min(width, filled))), '#');
    bar.resize(width, '.');
    const double secs = std::chrono::duration<double>(now - start_).count();
    std::fprintf(stderr, "\r%-11s [%s] %3d%%  %6.1fs", stage_.c_str(), bar.c_str(), static_cast<int>(done * 100),
                 secs);
    std::fflush(stderr);
    drawn_ = true;
  }

  void finish() {
    if (enabled_ && drawn_) std::fprintf(stderr, "\r%*s\r", 60, "");
    drawn_ = false;
  }

 private:
  bool enabled_;
  bool drawn_ = false;
  std::string stage_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace uncounted::cli
