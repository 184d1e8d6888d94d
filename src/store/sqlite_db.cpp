// A thin SQLite connection: cached prepared statements, nested transactions, busy handling.
#include "store/sqlite_db.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <set>
#include <string_view>
#include <thread>

#include "tenant/errors.h"
#include "tenant/tenant_store.h"

namespace plush::store {

using tenant::category::InvalidOperation;
using tenant::category::ResourceBusy;

namespace {

// What a failing statement was doing, for the message (never its SQL).
const char* activity(sqlite3_stmt* stmt) {
  std::string_view sql = sqlite3_sql(stmt);
  if (sql.rfind("COMMIT", 0) == 0 || sql.rfind("RELEASE", 0) == 0) return "committing";
  if (sql == "BEGIN") return "starting a read";  // Database::beginRead: a deferred BEGIN writes nothing
  if (sql.rfind("BEGIN", 0) == 0 || sql.rfind("SAVEPOINT", 0) == 0) return "starting a change";
  if (sql.rfind("ROLLBACK", 0) == 0) return "rolling back";
  return sqlite3_stmt_readonly(stmt) ? "reading" : "writing";
}

}  // namespace

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
  db_->raise(rc, activity(stmt_), stmt_);
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

// Store files this process created: an empty one is new, while an empty file found on disk is a
// failed copy or a disk fault, never silently a new tenant.
std::set<std::string>& createdHere() {
  static std::set<std::string> paths;
  return paths;
}

std::string folderOf(const std::string& path) {
  std::string folder = std::filesystem::path(path).parent_path().string();
  return folder.empty() ? "." : folder;
}

// A new store file is created 0600, whatever the umask: it holds directory data. SQLite gives
// its -wal and -shm files the mode of the database file.
void createPrivately(const std::string& path) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return;  // another process made it first
    tenant::fail("StoreError", InvalidOperation, path,
                 "The tenant store " + path + " cannot be created: " + std::strerror(errno) + ".");
  }
  ::fchmod(fd, 0600);
  ::close(fd);
  createdHere().insert(path);
}

// May this process write the store? A file that is missing, or empty and made by this process,
// is new; an empty file found on disk is refused.
bool prepareFile(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    if (errno != ENOENT)
      tenant::fail("StoreError", InvalidOperation, path,
                   "The tenant store " + path + " cannot be opened: " + std::strerror(errno) + ".");
    createPrivately(path);
    return true;
  }
  if (S_ISREG(st.st_mode) && st.st_size == 0 && !createdHere().count(path))
    tenant::fail("StoreError", tenant::category::InvalidData, path,
                 "The tenant store " + path + " is an empty file (0 bytes), not a plush store: a copy that failed, "
                 "or a disk fault? Nothing was read or written.",
                 "Restore " + path + " from a backup, or remove it to start a new tenant there: rm " + path);
  return ::access(path.c_str(), W_OK) == 0 && ::access(folderOf(path).c_str(), W_OK) == 0;
}

// Polled by SQLite every few thousand steps of a statement: Ctrl-C, SIGTERM, --timeout.
int onProgress(void*) { return tenant::storeInterrupted() ? 1 : 0; }

std::string uriPath(const std::string& path) {
  std::string out = "file:";
  for (char c : path) {
    if (c == '?' || c == '#' || c == '%') {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", static_cast<unsigned char>(c));
      out += hex;
    } else {
      out += c;
    }
  }
  return out;
}

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

void Database::open(int flags, const std::string& name) {
  configureSqliteOnce();
  int rc = sqlite3_open_v2(name.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    tenant::fail("StoreError", InvalidOperation, path_, "The tenant store " + path_ + " cannot be opened: " + why + ".");
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_handler(db_, onBusy, this);
  sqlite3_progress_handler(db_, 4000, onProgress, nullptr);
}

// The connection's settings; a read-only store that cannot share a -shm file is reopened immutable.
void Database::configure(bool onDisk) {
  if (readOnly_ && sqlite3_exec(db_, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr) != SQLITE_OK) {
    // A WAL store in a folder this user cannot write, with no -shm file to share: it can only be
    // read as the file is on disk (SQLite's immutable mode).
    sqlite3_close(db_);
    db_ = nullptr;
    open(SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, uriPath(path_) + "?immutable=1");
  }
  exec("PRAGMA foreign_keys=ON", "opening");
  if (onDisk && !readOnly_) exec("PRAGMA journal_mode=WAL", "opening");
  if (!readOnly_) exec("PRAGMA synchronous=NORMAL", "opening");
  // 32 MiB of page cache (the default is 2): a bulk change keeps its dirty pages in memory instead
  // of spilling them to the WAL midway, and a listing of a million users keeps the assignments it
  // looks up at random (33 MB) mostly in memory; 64 MiB and more cost more in page management.
  exec("PRAGMA cache_size=-32768", "opening");
}

Database::Database(const std::string& path, int busyTimeoutMs) : path_(path), busyTimeoutMs_(busyTimeoutMs) {
  bool onDisk = path != ":memory:" && !path.empty();
  readOnly_ = onDisk && !prepareFile(path);
  open(readOnly_ ? SQLITE_OPEN_READONLY | SQLITE_OPEN_URI : SQLITE_OPEN_READWRITE, readOnly_ ? uriPath(path) : path);
  try {
    configure(onDisk);
  } catch (...) {
    // A constructor that throws never runs the destructor: close the handle (and its file) here,
    // or every file refused as not a store would leak both.
    sqlite3_close(db_);
    db_ = nullptr;
    throw;
  }
}

// Waits for another process's lock in short naps, so that Ctrl-C and SIGTERM end the wait at once.
int Database::onBusy(void* self, int count) {
  auto* db = static_cast<Database*>(self);
  auto now = std::chrono::steady_clock::now();
  if (count == 0) db->busySince_ = now;
  if (tenant::storeInterrupted()) return 0;
  auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(now - db->busySince_).count();
  if (waited >= db->busyTimeoutMs_) return 0;
  std::this_thread::sleep_for(std::chrono::milliseconds(std::min<long long>({1LL << std::min(count, 4), 20, db->busyTimeoutMs_ - waited})));
  return 1;
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

void Database::exec(const std::string& sql, const char* doing) {
  char* err = nullptr;
  int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err);
  sqlite3_free(err);
  check(rc, doing);
}

int64_t Database::lastInsertRowid() const { return sqlite3_last_insert_rowid(db_); }

int Database::changes() const { return sqlite3_changes(db_); }

void Database::raise(int rc, const std::string& doing, sqlite3_stmt* failed) const {
  int err = sqlite3_system_errno(db_);  // before the reset, which may do I/O of its own
  if (failed) sqlite3_reset(failed);
  int primary = rc & 0xFF;
  if (primary == SQLITE_INTERRUPT || ((primary == SQLITE_BUSY || primary == SQLITE_LOCKED) && tenant::storeInterrupted()))
    tenant::fail("Interrupted", tenant::category::OperationStopped, path_,
                 "The operation was interrupted; nothing of it was kept.");
  if (primary == SQLITE_READONLY)
    tenant::fail("StoreReadOnly", tenant::category::PermissionDenied, path_,
                 "The tenant store " + path_ + " is read-only for this user (the file or its folder cannot be "
                 "written): reads work, changes do not; this change was not made.",
                 "Run the job as the store's owner, or work on a copy: cp " + path_ + " ~/tenant.db; plush --tenant ~/tenant.db");
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    tenant::fail("StoreBusy", ResourceBusy, path_,
                 "The tenant store " + path_ + " is busy (another process holds it) and stayed so for " +
                     std::to_string(busyTimeoutMs_ / 1000.0).substr(0, 4) + " s; this change was not made.",
                 "Try again when the other plush run (a scheduled job?) has finished.");
  bool full = primary == SQLITE_FULL || (primary == SQLITE_IOERR && (err == ENOSPC || err == EFBIG || err == EDQUOT));
  std::string why = full ? "the disk is full (or a file size limit was reached)"
                    : rc == SQLITE_IOERR_WRITE ? "the disk could not be written (is it full?)"
                    : primary == SQLITE_IOERR ? "a read or write of the disk failed"
                    : primary == SQLITE_NOTADB ? "the file is not a plush store (not an SQLite database)"
                    : primary == SQLITE_CORRUPT ? "the file is damaged (truncated or overwritten)"
                                                : sqlite3_errstr(rc);
  tenant::fail("StoreError", InvalidOperation, path_, "The tenant store " + path_ + " failed while " + doing + ": " + why + ".");
}

// Transaction statements are prepared once and reused: a bulk change runs them per user.
void Database::begin() {
  if (depth_ == 0) endRead();
  prepare(depth_ == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT level" + std::to_string(depth_)).run();
  ++depth_;
}

void Database::commit() {
  if (depth_ == 0) return;
  prepare(depth_ == 1 ? "COMMIT" : "RELEASE level" + std::to_string(depth_ - 1)).run();
  --depth_;
}

void Database::beginRead() {
  if (depth_ > 0 || reading_) return;
  prepare("BEGIN").run();
  reading_ = true;
}

// Never throws (it ends a read when a cmdlet fails): a read has nothing to keep, and an error that
// already ended the transaction leaves nothing to end.
void Database::endRead() {
  if (!reading_) return;
  reading_ = false;
  if (!sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
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
