// A thin SQLite connection: cached prepared statements, nested transactions, busy handling.
#include "store/sqlite_db.h"

#include "tenant/errors.h"

namespace plush::store {

using tenant::category::InvalidOperation;
using tenant::category::ResourceBusy;

Statement::Statement(Database& db, sqlite3_stmt* stmt, std::vector<sqlite3_stmt*>* home)
    : db_(&db), stmt_(stmt), home_(home) {}

Statement::Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_), home_(other.home_) {
  other.stmt_ = nullptr;
}

Statement::~Statement() {
  if (!stmt_) return;
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  if (home_) home_->push_back(stmt_);
  else sqlite3_finalize(stmt_);
}

Statement& Statement::bind(int index, int64_t value) {
  db_->check(sqlite3_bind_int64(stmt_, index, value), "binding a value");
  return *this;
}

Statement& Statement::bind(int index, const std::string& value) { return bindText(index, value); }

Statement& Statement::bindText(int index, const std::string& value) {
  db_->check(sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT),
             "binding a value");
  return *this;
}

Statement& Statement::bindOptional(int index, const std::string& value) {
  return value.empty() ? bindNull(index) : bindText(index, value);
}

Statement& Statement::bindNull(int index) {
  db_->check(sqlite3_bind_null(stmt_, index), "binding a value");
  return *this;
}

bool Statement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  sqlite3_reset(stmt_);
  db_->raise(rc, "running " + std::string(sqlite3_sql(stmt_)).substr(0, 60));
}

void Statement::run() {
  while (step()) {
  }
}

void Statement::reset() { sqlite3_reset(stmt_); }

int64_t Statement::integer(int column) const { return sqlite3_column_int64(stmt_, column); }

std::string Statement::text(int column) const {
  auto p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, column))) : std::string();
}

bool Statement::isNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

namespace {

// plush uses each connection from one thread: SQLite's mutexes and its memory statistics (a global
// mutex on every allocation) cost 8% of a bulk change's instructions and buy nothing here.
// sqlite3_config only works before SQLite starts; if something started it already, it stays as it is.
void configureSqliteOnce() {
  static const bool configured = [] {
    sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)configured;
}

}  // namespace

Database::Database(const std::string& path, int busyTimeoutMs) : path_(path), busyTimeoutMs_(busyTimeoutMs) {
  configureSqliteOnce();
  int rc = sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    tenant::fail("TenantNotFound", tenant::category::ObjectNotFound, path,
                 "The tenant store " + path + " cannot be opened: " + why + ".");
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, busyTimeoutMs);
  exec("PRAGMA foreign_keys=ON");
  if (path != ":memory:" && !path.empty()) exec("PRAGMA journal_mode=WAL");
  exec("PRAGMA synchronous=NORMAL");
  // 32 MiB of page cache (the default is 2): a bulk change keeps its dirty pages in memory instead
  // of spilling them to the WAL midway, and a listing of a million users keeps the assignments it
  // looks up at random (33 MB) mostly in memory; 64 MiB and more cost more in page management.
  exec("PRAGMA cache_size=-32768");
}

Database::~Database() {
  for (auto& [sql, stmts] : idle_)
    for (sqlite3_stmt* s : stmts) sqlite3_finalize(s);
  if (depth_ > 0) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(db_);
}

Statement Database::prepare(const std::string& sql) {
  auto& home = idle_[sql];
  if (!home.empty()) {
    sqlite3_stmt* s = home.back();
    home.pop_back();
    return Statement(*this, s, &home);
  }
  sqlite3_stmt* s = nullptr;
  check(sqlite3_prepare_v3(db_, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr), "preparing a query");
  return Statement(*this, s, &home);
}

Statement Database::prepareOnce(const std::string& sql) {
  sqlite3_stmt* s = nullptr;
  check(sqlite3_prepare_v2(db_, sql.c_str(), -1, &s, nullptr), "preparing a query");
  return Statement(*this, s, nullptr);
}

void Database::exec(const std::string& sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err);
  sqlite3_free(err);
  check(rc, "running " + sql.substr(0, 60));
}

int64_t Database::lastInsertRowid() const { return sqlite3_last_insert_rowid(db_); }

int Database::changes() const { return sqlite3_changes(db_); }

void Database::raise(int rc, const std::string& doing) const {
  int primary = rc & 0xFF;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    tenant::fail("StoreBusy", ResourceBusy, path_,
                 "The tenant store " + path_ + " is busy (another process holds it) and stayed so for " +
                     std::to_string(busyTimeoutMs_ / 1000.0).substr(0, 4) + " s; nothing was changed.",
                 "Try again when the other plush run (a scheduled job?) has finished.");
  tenant::fail("StoreError", InvalidOperation, path_,
               "The tenant store failed while " + doing + ": " + sqlite3_errmsg(db_) + ".");
}

// Transaction statements are prepared once and reused: a bulk change runs them per user.
void Database::begin() {
  prepare(depth_ == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT level" + std::to_string(depth_)).run();
  ++depth_;
}

void Database::commit() {
  if (depth_ == 0) return;
  prepare(depth_ == 1 ? "COMMIT" : "RELEASE level" + std::to_string(depth_ - 1)).run();
  --depth_;
}

void Database::rollback() {
  if (depth_ == 0) return;
  --depth_;
  if (depth_ == 0) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    return;
  }
  std::string name = "level" + std::to_string(depth_);
  prepare("ROLLBACK TO " + name).run();
  prepare("RELEASE " + name).run();
}

}  // namespace plush::store
