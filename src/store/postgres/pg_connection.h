// A PostgreSQL connection through libpq: prepared statements by SQL text, nested transactions, errors as ids.
#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/sql_param.h"

namespace plush::store::postgres {

// One statement's result, every row in memory (reads come in pages of a few hundred rows).
class Rows {
 public:
  explicit Rows(PGresult* result) : result_(result) {}
  Rows(Rows&& other) noexcept : result_(other.result_) { other.result_ = nullptr; }
  Rows(const Rows&) = delete;
  Rows& operator=(const Rows&) = delete;
  ~Rows() { PQclear(result_); }

  int size() const { return result_ ? PQntuples(result_) : 0; }
  bool empty() const { return size() == 0; }
  int64_t integer(int row, int column) const;
  std::string text(int row, int column) const;  // NULL -> ""
  bool isNull(int row, int column) const { return PQgetisnull(result_, row, column) != 0; }
  int64_t affected() const;  // rows an INSERT, UPDATE or DELETE touched

 private:
  PGresult* result_;
};

// One row in COPY's text format (NULL as \N), for Connection::copyIn.
std::string copyRow(const std::vector<std::optional<std::string>>& values);

class Connection {
 public:
  Connection(const std::string& location, int busyTimeoutMs);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // `?` placeholders, as in the SQLite store's SQL. query() prepares each text once; queryOnce()
  // is for SQL built per call (filters), which would only fill the cache.
  Rows query(const std::string& sql, const std::vector<SqlParam>& params = {});
  Rows queryOnce(const std::string& sql, const std::vector<SqlParam>& params = {});
  // Several statements in one round trip, no parameters; the result of each that returns rows.
  std::vector<Rows> exec(const std::string& sql);
  // COPY table(columns) FROM STDIN with rows already in COPY's text format.
  void copyIn(const std::string& table, const std::vector<std::string>& columns, const std::string& data);

  // Outermost: BEGIN and then `first` (the store takes its write lock there), in one round trip;
  // inner levels are savepoints. commit() runs `last` just before COMMIT and returns its rows.
  Rows begin(const std::string& first = "");
  Rows commit(const std::string& last = "");
  void rollback();
  int depth() const { return depth_; }

  const std::string& server() const { return server_; }  // "the PostgreSQL server 127.0.0.1:5432, database contoso"
  const std::string& login() const { return login_; }    // the database login (session_user)

  [[noreturn]] void raise(const PGresult* result, const std::string& doing) const;

 private:
  PGresult* run(const std::string& sql, const std::vector<SqlParam>& params, bool prepare);
  void check(PGresult* result, const std::string& sql);
  PGconn* conn_ = nullptr;
  std::string server_, login_;
  int busyTimeoutMs_;
  int depth_ = 0;
  std::string pendingRelease_;  // "RELEASE levelN; " for the savepoint a commit() ended, sent with the next one
  std::unordered_map<std::string, std::string> prepared_;  // SQL text -> statement name
};

}  // namespace plush::store::postgres
