// A PostgreSQL connection through libpq: prepared statements by SQL text, nested transactions, errors as ids.
#include "store/postgres/pg_connection.h"

#include <cstdlib>
#include <memory>
#include <utility>

#include "tenant/errors.h"

namespace plush::store::postgres {

namespace category = tenant::category;
using tenant::fail;

namespace {

// The first line of a libpq message, without its severity ("FATAL:  ").
std::string firstLine(const char* text) {
  std::string s = text ? text : "";
  s = s.substr(0, s.find('\n'));
  for (const char* severity : {"FATAL:  ", "ERROR:  "})
    if (s.rfind(severity, 0) == 0) s = s.substr(std::string(severity).size());
  while (!s.empty() && (s.back() == ' ' || s.back() == '.')) s.pop_back();
  return s;
}

// SQLite's `?` placeholders as PostgreSQL's $1, $2, ... (outside quoted text).
std::string numbered(const std::string& sql) {
  std::string out;
  int n = 0;
  char quote = 0;
  for (char c : sql) {
    if (quote) {
      if (c == quote) quote = 0;
      out += c;
    } else if (c == '\'' || c == '"') {
      quote = c;
      out += c;
    } else if (c == '?') {
      out += "$" + std::to_string(++n);
    } else {
      out += c;
    }
  }
  return out;
}

// PostgreSQL text holds neither NUL nor invalid UTF-8; SQLite would keep both. Refused here, before
// the statement is sent: a server error would abort the whole transaction, a bulk run's included.
void checkText(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool ok = len > 0 && c != 0 && i + len <= s.size() && !(len == 2 && c < 0xC2);
    for (size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    if (!ok)
      fail("InvalidArgument", category::InvalidArgument, s.substr(0, i),
           c == 0 ? "The text '" + s.substr(0, i) + "' is followed by a NUL character, which a tenant store cannot hold."
                  : "The text '" + s.substr(0, i) + "…' is not valid UTF-8 (byte " + std::to_string(i + 1) + ").");
    i += len;
  }
}

struct Values {
  std::vector<std::string> storage;
  std::vector<const char*> pointers;
  explicit Values(const std::vector<SqlParam>& params) {
    storage.reserve(params.size());
    for (const SqlParam& p : params) {
      if (auto text = std::get_if<std::string>(&p)) {
        checkText(*text);
        storage.push_back(*text);
      } else if (auto number = std::get_if<int64_t>(&p)) {
        storage.push_back(std::to_string(*number));
      } else {
        storage.emplace_back();
      }
    }
    for (size_t i = 0; i < params.size(); ++i)
      pointers.push_back(std::holds_alternative<std::monostate>(params[i]) ? nullptr : storage[i].c_str());
  }
};

// A password in the location would show in `ps`, shell history, transcripts and messages.
void refusePassword(const std::string& location) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(location.c_str(), &error);
  if (!options) {
    std::string why = firstLine(error);
    PQfreemem(error);
    fail("InvalidArgument", category::InvalidArgument, "--tenant",
         "The tenant location is not a PostgreSQL connection string or URI: " + why + ".",
         "plush --tenant postgresql://HOST:PORT/DATABASE, or --tenant service=NAME (~/.pg_service.conf)");
  }
  bool hasPassword = false;
  for (PQconninfoOption* o = options; o->keyword; ++o)
    if (std::string(o->keyword) == "password" && o->val && *o->val) hasPassword = true;
  PQconninfoFree(options);
  if (hasPassword)
    fail("PasswordInLocation", category::InvalidArgument, "--tenant",
         "The tenant location holds a password, which would show in process lists, shell history and "
         "transcripts; plush does not use it.",
         "Remove it from the location and put it in ~/.pgpass (chmod 600), or in PGPASSWORD for a scheduled job.");
}

std::string describeServer(PGconn* conn) {
  std::string host = PQhost(conn) ? PQhost(conn) : "", port = PQport(conn) ? PQport(conn) : "";
  std::string db = PQdb(conn) ? PQdb(conn) : "";
  if (host.empty() || host[0] == '/') host = "socket " + (host.empty() ? std::string("(default)") : host);
  return "the PostgreSQL server " + host + (port.empty() ? "" : ":" + port) + ", database " + db;
}

}  // namespace

int64_t Rows::integer(int row, int column) const {
  return std::strtoll(PQgetvalue(result_, row, column), nullptr, 10);
}

std::string Rows::text(int row, int column) const {
  if (isNull(row, column)) return {};
  return std::string(PQgetvalue(result_, row, column), static_cast<size_t>(PQgetlength(result_, row, column)));
}

int64_t Rows::affected() const {
  const char* n = PQcmdTuples(result_);
  return n && *n ? std::strtoll(n, nullptr, 10) : 0;
}

Connection::Connection(const std::string& location, int busyTimeoutMs) : busyTimeoutMs_(busyTimeoutMs) {
  refusePassword(location);
  // Defaults first: what the location says wins (expand_dbname reads it as a URI or conninfo).
  const char* keys[] = {"connect_timeout", "application_name", "client_encoding", "dbname", nullptr};
  const char* values[] = {"10", "plush", "UTF8", location.c_str(), nullptr};
  conn_ = PQconnectdbParams(keys, values, 1);
  server_ = describeServer(conn_);
  if (PQstatus(conn_) != CONNECTION_OK) {
    std::string why = firstLine(PQerrorMessage(conn_));
    PQfinish(conn_);
    conn_ = nullptr;
    if (why.find("does not exist") != std::string::npos && why.find("database") != std::string::npos)
      fail("TenantNotFound", category::ObjectNotFound, server_,
           "There is no tenant store on " + server_ + ": " + why + ".",
           "createdb DATABASE (as its owner), then: plush --tenant LOCATION -c 'Get-Tenant'");
    if (why.find("authentication") != std::string::npos || why.find("password") != std::string::npos ||
        why.find("role") != std::string::npos || why.find("no pg_hba.conf") != std::string::npos)
      fail("StoreAccessDenied", category::PermissionDenied, server_,
           "The login was refused by " + server_ + ": " + why + ".",
           "Put the login's password in ~/.pgpass (chmod 600) or PGPASSWORD; the database owner grants access.");
    fail("StoreUnavailable", category::ResourceUnavailable, server_,
         "The tenant store on " + server_ + " cannot be reached: " + why + ".",
         "Check that the server runs and accepts connections: pg_isready -h HOST -p PORT");
  }
  exec("SET search_path = plush, pg_catalog; SET client_min_messages = warning; SET lock_timeout = " +
       std::to_string(busyTimeoutMs_));
  login_ = query("SELECT session_user").text(0, 0);
}

Connection::~Connection() {
  if (conn_) PQfinish(conn_);  // an open transaction ends with the connection: the server rolls it back
}

void Connection::raise(const PGresult* result, const std::string& doing) const {
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  std::string code = state ? state : "";
  const char* primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  std::string why = primary ? firstLine(primary) : firstLine(PQerrorMessage(conn_));
  if (PQstatus(conn_) == CONNECTION_BAD || code.rfind("08", 0) == 0 || code == "57P01" || code == "57P02" ||
      code == "57P03")
    fail("StoreUnavailable", category::ResourceUnavailable, server_,
         "The tenant store on " + server_ + " went away: " + why +
             ". What was committed before is kept; the change under way was not made.",
         "Check that the server runs (pg_isready -h HOST -p PORT), then run the rest again.");
  if (code == "55P03" || code == "40001" || code == "40P01")
    fail("StoreBusy", category::ResourceBusy, server_,
         "The tenant store on " + server_ + " is busy (another plush session is changing it) and stayed so for " +
             std::to_string(busyTimeoutMs_ / 1000.0).substr(0, 4) + " s; nothing was changed.",
         "Try again when the other plush run (a scheduled job? an open Start-Transaction?) has finished.");
  if (code == "42501")
    fail("AccessDenied", category::PermissionDenied, login_,
         "The database login " + login_ + " may not do this on " + server_ + ": " + why + ".",
         "Get-AdminBinding shows which admin each login acts as.");
  fail("StoreError", category::InvalidOperation, server_,
       "The tenant store on " + server_ + " failed while " + doing + (why.empty() ? "" : ": " + why) + ".");
}

void Connection::check(PGresult* result, const std::string& sql) {
  ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return;
  std::unique_ptr<PGresult, decltype(&PQclear)> owned(result, PQclear);
  raise(result, "running " + sql.substr(0, 60));
}

PGresult* Connection::run(const std::string& sql, const std::vector<SqlParam>& params, bool prepare) {
  Values v(params);
  int n = static_cast<int>(params.size());
  if (!prepare) return PQexecParams(conn_, numbered(sql).c_str(), n, nullptr, v.pointers.data(), nullptr, nullptr, 0);
  auto it = prepared_.find(sql);
  if (it == prepared_.end()) {
    std::string name = "plush" + std::to_string(prepared_.size() + 1);
    PGresult* prepared = PQprepare(conn_, name.c_str(), numbered(sql).c_str(), n, nullptr);
    check(prepared, sql);  // frees it and throws when the statement did not prepare
    PQclear(prepared);
    it = prepared_.emplace(sql, name).first;
  }
  return PQexecPrepared(conn_, it->second.c_str(), n, v.pointers.data(), nullptr, nullptr, 0);
}

Rows Connection::query(const std::string& sql, const std::vector<SqlParam>& params) {
  PGresult* r = run(sql, params, true);
  check(r, sql);
  return Rows(r);
}

Rows Connection::queryOnce(const std::string& sql, const std::vector<SqlParam>& params) {
  PGresult* r = run(sql, params, false);
  check(r, sql);
  return Rows(r);
}

std::vector<Rows> Connection::exec(const std::string& sql) {
  if (!PQsendQuery(conn_, sql.c_str())) raise(nullptr, "sending " + sql.substr(0, 60));
  std::vector<Rows> out;
  PGresult* failed = nullptr;
  while (PGresult* r = PQgetResult(conn_)) {
    ExecStatusType status = PQresultStatus(r);
    if (status == PGRES_TUPLES_OK) out.emplace_back(r);
    else if (status == PGRES_COMMAND_OK || failed) PQclear(r);
    else failed = r;
  }
  if (failed) check(failed, sql);
  if (PQstatus(conn_) == CONNECTION_BAD) raise(nullptr, "running " + sql.substr(0, 60));
  return out;
}

namespace {

// COPY's text format: backslash escapes, one row per line.
void appendCopyField(std::string& out, const std::optional<std::string>& value) {
  if (!value) return out.append("\\N"), void();
  for (char c : *value) {
    if (c == '\\') out += "\\\\";
    else if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else out += c;
  }
}

}  // namespace

void Connection::copyIn(const std::string& table, const std::vector<std::string>& columns, const std::string& data) {
  std::string list;
  for (const std::string& c : columns) list += (list.empty() ? "" : ", ") + c;
  std::string sql = "COPY " + table + "(" + list + ") FROM STDIN";
  PGresult* start = PQexec(conn_, sql.c_str());
  if (PQresultStatus(start) != PGRES_COPY_IN) return check(start, sql);
  PQclear(start);
  if (PQputCopyData(conn_, data.data(), static_cast<int>(data.size())) != 1 || PQputCopyEnd(conn_, nullptr) != 1)
    raise(nullptr, "copying rows into " + table);
  PGresult* end = PQgetResult(conn_);
  check(end, sql);
  PQclear(end);
  while (PGresult* r = PQgetResult(conn_)) PQclear(r);
}

std::string copyRow(const std::vector<std::optional<std::string>>& values) {
  std::string row;
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) row += '\t';
    if (values[i]) checkText(*values[i]);
    appendCopyField(row, values[i]);
  }
  return row + '\n';
}

// A failed statement leaves PostgreSQL's transaction aborted until it is rolled back.
Rows Connection::begin(const std::string& first) {
  if (depth_ > 0) {
    exec(std::exchange(pendingRelease_, "") + "SAVEPOINT level" + std::to_string(depth_));
    ++depth_;
    return Rows(nullptr);
  }
  try {
    std::vector<Rows> rows = exec(first.empty() ? "BEGIN" : "BEGIN; " + first);
    depth_ = 1;
    return rows.empty() ? Rows(nullptr) : std::move(rows.front());
  } catch (...) {
    if (conn_ && PQtransactionStatus(conn_) != PQTRANS_IDLE) PQclear(PQexec(conn_, "ROLLBACK"));
    throw;
  }
}

Rows Connection::commit(const std::string& last) {
  if (depth_ == 0) return Rows(nullptr);
  if (depth_ > 1) {
    // A released savepoint changes nothing until the next one of its name (each change of a bulk
    // run's batch is one): the RELEASE goes with that SAVEPOINT, one round trip for both. An outer
    // release, rollback or commit ends it anyway.
    --depth_;
    pendingRelease_ = "RELEASE level" + std::to_string(depth_) + "; ";
    return Rows(nullptr);
  }
  depth_ = 0;
  pendingRelease_.clear();
  std::vector<Rows> rows;
  try {
    if (!last.empty()) rows = exec(last);
    PGresult* done = PQexec(conn_, "COMMIT");
    check(done, "COMMIT");
    // COMMIT of a transaction an error aborted rolls it back, without an error: never silently.
    std::string tag = PQcmdStatus(done);
    PQclear(done);
    if (tag != "COMMIT") raise(nullptr, "committing (the server rolled the transaction back)");
  } catch (...) {
    if (conn_ && PQtransactionStatus(conn_) != PQTRANS_IDLE) PQclear(PQexec(conn_, "ROLLBACK"));
    throw;
  }
  return rows.empty() ? Rows(nullptr) : std::move(rows.front());
}

void Connection::rollback() {
  if (depth_ == 0) return;
  pendingRelease_.clear();  // the savepoint is inside what is rolled back
  if (--depth_ == 0) {
    PQclear(PQexec(conn_, "ROLLBACK"));  // a connection that went away has rolled back already
    return;
  }
  std::string name = "level" + std::to_string(depth_);
  exec("ROLLBACK TO " + name + "; RELEASE " + name);
}

}  // namespace plush::store::postgres
