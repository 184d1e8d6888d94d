// Users kept as compact rows for a List made on first read (`local users = Get-User`).
#pragma once
#include <lua.hpp>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "tenant/entities.h"

namespace plush::cmdlets {

// Each user one row of bytes in large blocks; the values many users share (department, usage
// location, type, state, product names) kept once and named by number. A user made from its row is
// the user that was added, field for field, as pushUser shows it. The blocks are Lua userdata held
// by a table at holder on the stack (then by the List), so --max-memory and the collector count them.
class UserRows {
 public:
  UserRows(lua_State* L, int holder) : L_(L), holder_(lua_absindex(L, holder)) {}
  void add(const tenant::User& u);
  size_t size() const { return rows_.size(); }
  tenant::User user(size_t i) const;

 private:
  friend void pushUserList(lua_State* L, UserRows rows);
  void putId(const std::string& s);  // a GUID as its 16 bytes
  void putText(const std::string& s);
  void putNumber(uint64_t n);
  uint64_t shared(const std::string& s);

  lua_State* L_;
  int holder_;
  std::vector<char*> blocks_;
  size_t lastUsed_ = 0, lastSize_ = 0;  // of the last block
  std::vector<uint64_t> rows_;  // block index << 32 | offset in the block
  std::vector<std::string> sharedValues_;
  std::unordered_map<std::string, uint64_t> sharedCodes_;
  std::string row_;  // the row being added
};

// Replaces the holder with a List of the users (shell/objects.lua's P.lazyList): each object made
// from its row when the item is first read.
void pushUserList(lua_State* L, UserRows rows);

}  // namespace plush::cmdlets
