// A minimal parallel loop on std::thread: calls body(index, worker) for
// every index in [0, count), indices handed out dynamically in chunks.
// The calling thread is worker 0. Exceptions must not escape `body`.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace uncounted::link::internal {

inline int worker_count(int requested) {
  if (requested > 0) return requested;
  const unsigned hw = std::thread::hardware_concurrency();
  return hw == 0 ? 1 : static_cast<int>(hw);
}

template <typename Body>
void parallel_for(std::size_t count, int workers, std::size_t chunk, Body body) {
  if (chunk == 0) chunk = 1;
  std::atomic<std::size_t> next{0};
  auto run = [&](int worker) {
    for (;;) {
      const std::size_t start = next.fetch_add(chunk);
      if (start >= count) return;
      const std::size_t end = std::min(count, start + chunk);
      for (std::size_t i = start; i < end; ++i) body(i, worker);
    }
  };
  const int n = std::max(1, std::min<int>(workers, static_cast<int>((count + chunk - 1) / chunk)));
  std::vector<std::thread> threads;
  for (int w = 1; w < n; ++w) threads.emplace_back(run, w);
  run(0);
  for (auto& t : threads) t.join();
}

}  // namespace uncounted::link::internal
