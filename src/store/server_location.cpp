// Tells a PostgreSQL location from a SQLite file without libpq, which only the PostgreSQL store module loads.
#include "store/server_location.h"

#include <algorithm>
#include <string>

#include "tenant/tenant_store.h"

namespace plush::store {

const std::vector<std::string_view>& postgresKeywords() {
  static const std::vector<std::string_view> keywords = {
      "service", "user", "password", "passfile", "channel_binding", "connect_timeout", "dbname", "host",
      "hostaddr", "port", "client_encoding", "options", "application_name", "fallback_application_name",
      "keepalives", "keepalives_idle", "keepalives_interval", "keepalives_count", "tcp_user_timeout",
      "sslmode", "sslcompression", "sslcert", "sslkey", "sslpassword", "sslrootcert", "sslcrl", "sslcrldir",
      "sslsni", "requirepeer", "ssl_min_protocol_version", "ssl_max_protocol_version", "gssencmode",
      "krbsrvname", "gsslib", "replication", "target_session_attrs"};
  return keywords;
}

}  // namespace plush::store

namespace plush::tenant {

// A libpq URI (postgresql://, postgres://), or a connection string whose first word is one of libpq's
// keywords (service=NAME); a file named team=licenses.db stays a file.
bool isServerLocation(const std::string& location) {
  if (location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0) return true;
  size_t eq = location.find('=');
  if (eq == std::string::npos) return false;
  size_t start = location.find_first_not_of(' ');
  std::string key = location.substr(start, eq - start);
  while (!key.empty() && key.back() == ' ') key.pop_back();
  const auto& keywords = store::postgresKeywords();
  return std::find(keywords.begin(), keywords.end(), key) != keywords.end();
}

}  // namespace plush::tenant
