// The Lua allocator of a session, with the cap --max-memory sets: past it a run stops with OutOfMemory.
#include "host/memory_cap.h"

#include <cstdlib>

#include "host/interrupt.h"

namespace plush::host {

namespace {
// What the run may still use once the cap is reached: enough to raise, report and roll back.
constexpr size_t kReportingRoom = 16 * 1024 * 1024;
}  // namespace

void* MemoryCap::allocate(void* ud, void* ptr, size_t oldSize, size_t newSize) {
  auto* cap = static_cast<MemoryCap*>(ud);
  size_t old = ptr ? oldSize : 0;  // without a block, oldSize is the kind of object Lua makes
  if (newSize == 0) {
    cap->used_ -= old;
    std::free(ptr);
    return nullptr;
  }
  if (cap->limit_ != 0 && newSize > old) {
    size_t allowed = cap->limit_ + (cap->reached_ ? kReportingRoom : 0);
    if (cap->used_ + (newSize - old) > allowed) {
      // Lua raises "not enough memory"; the stop makes it terminating even if a pcall catches it.
      cap->reached_ = true;
      requestStop(kStopOutOfMemory);
      return nullptr;
    }
  }
  void* block = std::realloc(ptr, newSize);
  if (!block) return nullptr;
  cap->used_ = cap->used_ - old + newSize;
  return block;
}

}  // namespace plush::host
