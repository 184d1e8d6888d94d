// The Lua allocator of a session, with the cap --max-memory sets: past it a run stops with OutOfMemory.
#pragma once
#include <cstddef>

namespace plush::host {

class MemoryCap {
 public:
  // For lua_newstate: ud is the MemoryCap.
  static void* allocate(void* ud, void* ptr, size_t oldSize, size_t newSize);

  // 0: no cap. Counted over everything the Lua state holds, plush's own runtime included.
  void setLimit(size_t bytes) { limit_ = bytes; }
  size_t limit() const { return limit_; }
  size_t used() const { return used_; }

 private:
  size_t limit_ = 0;
  size_t used_ = 0;
  bool reached_ = false;  // once reached, reporting the stop and rolling back may use a little more
};

}  // namespace plush::host
