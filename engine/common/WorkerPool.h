// A fixed number of worker threads for CPU-heavy steps that may run side by
// side (rendering reports in the nightly run): tasks start in the order they
// are submitted and each result, or exception, comes back through its future.
// With no workers, a task runs on the submitting thread when submitted, so a
// one-thread configuration behaves exactly as a plain loop. The destructor
// finishes the tasks already submitted before it returns. submit() is
// thread-safe.
#ifndef PROFKPI_ENGINE_COMMON_WORKERPOOL_H
#define PROFKPI_ENGINE_COMMON_WORKERPOOL_H

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace profkpi::engine {

class WorkerPool {
 public:
  explicit WorkerPool(std::size_t workers);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  std::size_t workers() const { return _threads.size(); }

  template <typename Task>
  auto submit(Task task) -> std::future<decltype(task())> {
    auto packaged = std::make_shared<std::packaged_task<decltype(task())()>>(std::move(task));
    std::future<decltype(task())> result = packaged->get_future();
    if (_threads.empty()) {
      (*packaged)();
    } else {
      enqueue([packaged] { (*packaged)(); });
    }
    return result;
  }

 private:
  void enqueue(std::function<void()> job);
  void work();

  std::mutex _mutex;
  std::condition_variable _ready;
  std::deque<std::function<void()>> _queue;
  bool _closing = false;
  std::vector<std::thread> _threads;
};

}  // namespace profkpi::engine

#endif
