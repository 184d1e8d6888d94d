// A thin SQLite connection: cached prepared statements, nested transactions, busy handling.
#pragma once

#include <sqlite3.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace plush::store {

class Database;

// A prepared statement borrowed from the connection's cache; returned (reset) on destruction.
class Statement {
 public:
  // `home` is the cache slot it goes back to; null: finalized on destruction.
  Statement(Database& db, sqlite3_stmt* stmt, std::vector<sqlite3_stmt*>* home);
  Statement(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  Statement& bind(int index, int64_t value);
  Statement& bind(int index, const std::string& value);
  Statement& bindText(int index, const std::string& value);  // alias that never picks the int overload
  Statement& bindOptional(int index, const std::string& value);  // empty -> NULL
  Statement& bindNull(int index);
  bool step();   // true while a row is ready
  void run();    // step to the end
  void reset();  // ends the read so that no lock is held; bindings stay
  int64_t integer(int column) const;
  std::string text(int column) const;  // NULL -> ""
  bool isNull(int column) const;

 private:
  Database* db_;
  sqlite3_stmt* stmt_;
  std::vector<sqlite3_stmt*>* home_;
};

class Database {
 public:
  Database(const std::string& path, int busyTimeoutMs);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Statement prepare(const std::string& sql);          // from the cache
  Statement prepareOnce(const std::string& sql);      // for one-off dynamic SQL
  void exec(const std::string& sql, const char* doing = "writing");  // `doing` goes in an error's message
  // Opened read-only: the file or its folder cannot be written by this user.
  bool readOnly() const { return readOnly_; }
  int64_t lastInsertRowid() const;
  int changes() const;
  // A failure as the engine's error: StoreBusy, StoreReadOnly, Interrupted or StoreError, naming
  // the store and what it was doing ("reading", "writing"), never the SQL.
  [[noreturn]] void raise(int rc, const std::string& doing, sqlite3_stmt* failed = nullptr) const;
  void check(int rc, const std::string& doing) const {
    if (rc != SQLITE_OK && rc != SQLITE_ROW && rc != SQLITE_DONE) raise(rc, doing);
  }

  // Outermost: BEGIN IMMEDIATE (so a check and its write cannot interleave with another
  // process); inner levels are savepoints, so a failing cmdlet inside Start-Transaction
  // undoes only itself.
  void begin();
  void commit();
  void rollback();
  int depth() const { return depth_; }
  // A read of many statements outside any change: one snapshot and one read lock for all of them
  // (each statement on its own is a transaction that takes and drops the lock). A change begun
  // inside it ends it first, so the change still starts from the latest commit.
  void beginRead();
  void endRead();

 private:
  void open(int flags, const std::string& name);
  void configure(bool onDisk);
  static int onBusy(void* self, int count);
  sqlite3* db_ = nullptr;
  std::string path_;
  int busyTimeoutMs_;
  bool readOnly_ = false;
  std::chrono::steady_clock::time_point busySince_;
  int depth_ = 0;
  bool reading_ = false;
  // Idle statements by SQL text. Elements of an unordered_map stay put when it grows, so a
  // borrowed Statement keeps a pointer to its slot instead of a copy of the text.
  std::unordered_map<std::string, std::vector<sqlite3_stmt*>> idle_;
};

}  // namespace plush::store
