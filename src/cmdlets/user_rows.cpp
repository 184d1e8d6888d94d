// Users kept as compact rows for a List made on first read (`local users = Get-User`).
#include "cmdlets/user_rows.h"

#include <algorithm>
#include <cstring>
#include <new>
#include <utility>

#include "cmdlets/objects.h"

namespace plush::cmdlets {

namespace {

// Blocks of rows: big enough that the allocator's overhead is nothing per user, small enough that
// the last one's unused tail is nothing beside them.
constexpr size_t kBlockSize = 1 << 20;

constexpr int kGuidDashes[] = {8, 13, 18, 23};
constexpr char kHex[] = "0123456789abcdef";

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// A GUID as Graph writes it (36 characters, lower-case hex, dashes at 8, 13, 18, 23) as 16 bytes;
// false for any other text, which is then kept as it is.
bool packGuid(const std::string& s, unsigned char out[16]) {
  if (s.size() != 36) return false;
  int at = 0, dash = 0;
  for (int i = 0; i < 36; ++i) {
    if (dash < 4 && i == kGuidDashes[dash]) {
      if (s[i] != '-') return false;
      ++dash;
      continue;
    }
    int v = hexValue(s[i]);
    if (v < 0) return false;
    if (at % 2 == 0) out[at / 2] = static_cast<unsigned char>(v << 4);
    else out[at / 2] |= static_cast<unsigned char>(v);
    ++at;
  }
  return true;
}

std::string unpackGuid(const unsigned char* in) {
  std::string s;
  s.reserve(36);
  for (int i = 0, dash = 0; i < 16; ++i) {
    if (dash < 4 && static_cast<int>(s.size()) == kGuidDashes[dash]) {
      s += '-';
      ++dash;
    }
    s += kHex[in[i] >> 4];
    s += kHex[in[i] & 0xF];
  }
  return s;
}

class RowReader {
 public:
  explicit RowReader(const char* p) : p_(p) {}
  uint64_t number() {
    uint64_t n = 0;
    for (int shift = 0;; shift += 7) {
      auto byte = static_cast<unsigned char>(*p_++);
      n |= static_cast<uint64_t>(byte & 0x7F) << shift;
      if (!(byte & 0x80)) return n;
    }
  }
  std::string id() {
    if (*p_++ == 0) return text();
    p_ += 16;
    return unpackGuid(reinterpret_cast<const unsigned char*>(p_ - 16));
  }
  std::string text() {
    uint64_t n = number();
    std::string s(p_, n);
    p_ += n;
    return s;
  }

 private:
  const char* p_;
};

constexpr const char* kRowsMeta = "plush.UserRows";

int collectRows(lua_State* L) {
  static_cast<UserRows*>(lua_touserdata(L, 1))->~UserRows();
  return 0;
}

// make(i): the user of row i as its object (P.lazyList calls it once per item).
int makeUser(lua_State* L) {
  auto* rows = static_cast<UserRows*>(lua_touserdata(L, lua_upvalueindex(1)));
  lua_Integer i = luaL_checkinteger(L, 1);
  pushUser(L, rows->user(static_cast<size_t>(i - 1)));
  return 1;
}

}  // namespace

void UserRows::putNumber(uint64_t n) {
  while (n >= 0x80) {
    row_ += static_cast<char>((n & 0x7F) | 0x80);
    n >>= 7;
  }
  row_ += static_cast<char>(n);
}

void UserRows::putId(const std::string& s) {
  unsigned char packed[16];
  bool guid = packGuid(s, packed);
  row_ += static_cast<char>(guid ? 1 : 0);
  if (guid) row_.append(reinterpret_cast<const char*>(packed), 16);
  else putText(s);
}

void UserRows::putText(const std::string& s) {
  putNumber(s.size());
  row_ += s;
}

uint64_t UserRows::shared(const std::string& s) {
  auto [it, added] = sharedCodes_.try_emplace(s, sharedValues_.size());
  if (added) sharedValues_.push_back(s);
  return it->second;
}

void UserRows::add(const tenant::User& u) {
  row_.clear();
  putId(u.Id);
  putText(u.UserPrincipalName);
  putText(u.DisplayName);
  putText(u.LastSignIn);
  putNumber(shared(u.Department));
  putNumber(shared(u.UsageLocation));
  putNumber(shared(u.UserType));
  putNumber(shared(u.State));
  putNumber(u.AccountEnabled ? 1 : 0);
  putNumber(u.Licenses.size());
  for (const auto& l : u.Licenses) putNumber(shared(l));
  if (blocks_.empty() || lastUsed_ + row_.size() > lastSize_) {
    lastSize_ = std::max(kBlockSize, row_.size());
    blocks_.push_back(static_cast<char*>(lua_newuserdatauv(L_, lastSize_, 0)));
    lua_rawseti(L_, holder_, static_cast<lua_Integer>(blocks_.size()));
    lastUsed_ = 0;
  }
  rows_.push_back(static_cast<uint64_t>(blocks_.size() - 1) << 32 | lastUsed_);
  std::memcpy(blocks_.back() + lastUsed_, row_.data(), row_.size());
  lastUsed_ += row_.size();
}

tenant::User UserRows::user(size_t i) const {
  uint64_t at = rows_.at(i);
  RowReader r(blocks_[at >> 32] + (at & 0xFFFFFFFF));
  tenant::User u;
  u.Id = r.id();
  u.UserPrincipalName = r.text();
  u.DisplayName = r.text();
  u.LastSignIn = r.text();
  u.Department = sharedValues_[r.number()];
  u.UsageLocation = sharedValues_[r.number()];
  u.UserType = sharedValues_[r.number()];
  u.State = sharedValues_[r.number()];
  u.AccountEnabled = r.number() != 0;
  u.Licenses.resize(r.number());
  for (auto& l : u.Licenses) l = sharedValues_[r.number()];
  return u;
}

void pushUserList(lua_State* L, UserRows rows) {
  int holder = rows.holder_;
  lua_getglobal(L, "__plush");
  lua_getfield(L, -1, "lazyList");
  lua_remove(L, -2);
  lua_pushinteger(L, static_cast<lua_Integer>(rows.size()));
  new (lua_newuserdatauv(L, sizeof(UserRows), 1)) UserRows(std::move(rows));
  if (luaL_newmetatable(L, kRowsMeta)) {
    lua_pushcfunction(L, collectRows);
    lua_setfield(L, -2, "__gc");
  }
  lua_setmetatable(L, -2);
  lua_pushvalue(L, holder);
  lua_setiuservalue(L, -2, 1);  // the blocks live as long as the rows
  lua_pushcclosure(L, makeUser, 1);
  lua_call(L, 2, 1);
  lua_replace(L, holder);
  lua_settop(L, holder);
}

}  // namespace plush::cmdlets
