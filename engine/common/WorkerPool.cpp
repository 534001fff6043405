#include "engine/common/WorkerPool.h"

namespace profkpi::engine {

WorkerPool::WorkerPool(std::size_t workers) {
  _threads.reserve(workers);
  for (std::size_t i = 0; i < workers; ++i) _threads.emplace_back([this] { work(); });
}

WorkerPool::~WorkerPool() {
  {
    std::lock_guard<std::mutex> lock(_mutex);
    _closing = true;
  }
  _ready.notify_all();
  for (std::thread& t : _threads) t.join();
}

void WorkerPool::enqueue(std::function<void()> job) {
  {
    std::lock_guard<std::mutex> lock(_mutex);
    _queue.push_back(std::move(job));
  }
  _ready.notify_one();
}

void WorkerPool::work() {
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock<std::mutex> lock(_mutex);
      _ready.wait(lock, [this] { return _closing || !_queue.empty(); });
      if (_queue.empty()) return;  // closing, and nothing left to do
      job = std::move(_queue.front());
      _queue.pop_front();
    }
    job();  // a packaged_task: its exception goes into the future
  }
}

}  // namespace profkpi::engine
