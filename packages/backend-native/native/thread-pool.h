// A small fork-join pool: the calling thread plus up to N−1 parked workers run one task together.
// Kernels ask for a thread count per call, so backends with different settings share one pool.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace nabla {

class ThreadPool {
 public:
  using Task = std::function<void(int worker, int workers)>;

  // The process-wide pool; never destroyed, so exiting never waits on parked workers.
  static ThreadPool& instance() {
    static ThreadPool* pool = new ThreadPool();
    return *pool;
  }

  // Runs task(w, workers) for w = 0..workers−1, w = 0 on the caller; returns when all are done.
  void run(int workers, const Task& task) {
    if (workers <= 1) {
      task(0, 1);
      return;
    }
    // One parallel region at a time: Node worker threads may share this pool.
    std::lock_guard<std::mutex> region(region_mutex_);
    grow(workers - 1);
    {
      std::lock_guard<std::mutex> lock(mutex_);
      task_ = &task;
      workers_in_region_ = workers;
      pending_ = workers - 1;
      ++generation_;
    }
    wake_.notify_all();
    task(0, workers);
    std::unique_lock<std::mutex> lock(mutex_);
    done_.wait(lock, [this] { return pending_ == 0; });
    task_ = nullptr;
  }

 private:
  ThreadPool() = default;

  void grow(int wanted) {
    while (static_cast<int>(threads_.size()) < wanted) {
      const int index = static_cast<int>(threads_.size()) + 1;
      // Started under region_mutex_, before run() bumps the generation it must answer.
      threads_.emplace_back([this, index, seen = generation_] { park(index, seen); });
      threads_.back().detach();
    }
  }

  void park(int index, std::uint64_t seen) {
    for (;;) {
      std::unique_lock<std::mutex> lock(mutex_);
      wake_.wait(lock, [&] { return generation_ != seen; });
      seen = generation_;
      if (index >= workers_in_region_) continue;
      const Task* task = task_;
      const int workers = workers_in_region_;
      lock.unlock();
      (*task)(index, workers);
      lock.lock();
      if (--pending_ == 0) done_.notify_one();
    }
  }

  std::mutex region_mutex_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable done_;
  std::vector<std::thread> threads_;
  const Task* task_ = nullptr;
  int workers_in_region_ = 0;
  int pending_ = 0;
  std::uint64_t generation_ = 0;
};

// Splits [0, n) into one contiguous range per worker (at least `grain` elements each) and runs
// body(begin, end) on them; small inputs stay on the calling thread.
template <typename Body>
void parallel_for(int threads, std::int64_t n, std::int64_t grain, const Body& body) {
  if (n <= 0) return;
  const std::int64_t by_grain = (n + grain - 1) / grain;
  const int workers = static_cast<int>(std::max<std::int64_t>(1, std::min<std::int64_t>(threads, by_grain)));
  if (workers == 1) {
    body(std::int64_t{0}, n);
    return;
  }
  ThreadPool::instance().run(workers, [&](int worker, int count) {
    // Range edges on multiples of 16 elements keep each worker on its own cache lines.
    const std::int64_t chunk = ((n + count - 1) / count + 15) / 16 * 16;
    const std::int64_t begin = std::min<std::int64_t>(n, chunk * worker);
    const std::int64_t end = std::min<std::int64_t>(n, begin + chunk);
    if (begin < end) body(begin, end);
  });
}

}  // namespace nabla
