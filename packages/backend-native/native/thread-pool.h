// A small fork-join pool: the calling thread plus up to N−1 parked workers run the parts of one task.
// Kernels ask for a thread count per call, so backends with different settings share one pool.
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
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

  // Runs task(w, workers) once for each w = 0..workers−1, w = 0 on the caller; returns when all
  // are done. Parts are claimed, not assigned: a worker the OS wakes late (on a busy machine, or
  // for a kernel of a few microseconds) finds them taken by the caller and threads that came
  // first, and the caller waits only for parts already started, never for a wake-up.
  void run(int workers, const Task& task) {
    if (workers <= 1) {
      task(0, 1);
      return;
    }
    // One parallel region at a time: Node worker threads may share this pool.
    std::lock_guard<std::mutex> region(region_mutex_);
    grow(workers - 1);
    bool wake_sleepers;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      task_ = &task;
      workers_in_region_ = workers;
      next_part_.store(1, std::memory_order_relaxed);
      generation_.fetch_add(1, std::memory_order_release);
      wake_sleepers = sleepers_ > 0;
    }
    // Spinning workers see the new generation without a system call.
    if (wake_sleepers) wake_.notify_all();
    task(0, workers);
    run_unclaimed_parts(task, workers);
    spin_until([this] { return running_.load(std::memory_order_acquire) == 0; });
    std::unique_lock<std::mutex> lock(mutex_);
    // Checked again under the lock: a worker counts itself in only under it, while task_ is set.
    done_.wait(lock, [this] { return running_.load(std::memory_order_relaxed) == 0; });
    // From here a worker that wakes finds no task and parks again.
    task_ = nullptr;
  }

 private:
  ThreadPool() = default;

  void grow(int wanted) {
    while (static_cast<int>(threads_.size()) < wanted) {
      // Started under region_mutex_, before run() bumps the generation it must answer.
      threads_.emplace_back([this, seen = generation_.load(std::memory_order_relaxed)] { park(seen); });
      threads_.back().detach();
    }
  }

  void run_unclaimed_parts(const Task& task, int workers) {
    for (int part; (part = next_part_.fetch_add(1, std::memory_order_relaxed)) < workers;) task(part, workers);
  }

  // Training issues a few dozen kernels per mini-batch step, each a few microseconds to a
  // millisecond long, with JavaScript in between. A parked thread takes tens of microseconds to
  // wake, so a worker (and the caller waiting for workers) first polls for this long.
  static constexpr auto kSpin = std::chrono::microseconds(200);

  // Polls `ready` until it holds or kSpin has passed; returns whether it holds.
  template <typename Ready>
  static bool spin_until(const Ready& ready) {
    const auto deadline = std::chrono::steady_clock::now() + kSpin;
    for (;;) {
      for (int i = 0; i < 64; ++i) {
        if (ready()) return true;
        pause();
      }
      if (std::chrono::steady_clock::now() >= deadline) return ready();
    }
  }

  static void pause() {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
  }

  void park(std::uint64_t seen) {
    for (;;) {
      if (!spin_until([&] { return generation_.load(std::memory_order_acquire) != seen; })) {
        std::unique_lock<std::mutex> lock(mutex_);
        ++sleepers_;
        wake_.wait(lock, [&] { return generation_.load(std::memory_order_relaxed) != seen; });
        --sleepers_;
      }
      std::unique_lock<std::mutex> lock(mutex_);
      seen = generation_.load(std::memory_order_relaxed);
      if (task_ == nullptr) continue;
      const Task* task = task_;
      const int workers = workers_in_region_;
      running_.fetch_add(1, std::memory_order_relaxed);
      lock.unlock();
      run_unclaimed_parts(*task, workers);
      lock.lock();
      if (running_.fetch_sub(1, std::memory_order_release) == 1) done_.notify_one();
    }
  }

  std::mutex region_mutex_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable done_;
  std::vector<std::thread> threads_;
  const Task* task_ = nullptr;
  int workers_in_region_ = 0;
  // Workers parked on wake_ (the rest are polling generation_ or running).
  int sleepers_ = 0;
  // Workers inside run_unclaimed_parts; run() returns once none is. Changed only under mutex_.
  std::atomic<int> running_{0};
  std::atomic<int> next_part_{0};
  // Bumped under mutex_ for each region; read without it by polling workers.
  std::atomic<std::uint64_t> generation_{0};
};

// Elements per thread below which a second thread does not pay for itself, for a pass over arrays
// with a few operations per element (elementwise kernels, losses, optimizer steps).
constexpr std::int64_t kElementwiseGrain = std::int64_t{1} << 15;

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
