# A throwaway PostgreSQL server for the tests: initdb and pg_ctl as an unprivileged user, in a folder
# of its own, on a loopback port free at the time. Sourced by scripts/test and by tests that need a
# server of their own (one they may stop). Nothing here is a mock: a server that does not start fails.
#   pg_cluster_start DIR   -> the server runs; DIR/env holds PLUSH_TEST_PG and PGPASSFILE (source it)
#   pg_cluster_stop DIR    -> stopped and DIR removed (safe to call twice, or when it never started)

pg_bin=/usr/lib/postgresql/15/bin

# The OS account the server runs as: PostgreSQL refuses to run as root.
pg_cluster_user() {
  if [ "$(id -u)" -ne 0 ]; then id -un
  elif id postgres > /dev/null 2>&1; then echo postgres
  else echo nobody
  fi
}

pg_as_owner() {
  local user; user=$(pg_cluster_user)
  if [ "$(id -u)" -eq 0 ]; then runuser -u "$user" -- "$@"; else "$@"; fi
}

pg_free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

pg_cluster_start() {
  local dir=$1 user password port
  user=$(pg_cluster_user)
  mkdir -p "$dir/data" "$dir/socket" "$dir/log"
  chmod 0711 "$dir"  # the server's account passes through to its own folders
  chown "$user" "$dir/data" "$dir/socket" "$dir/log" 2> /dev/null || true
  chmod 0700 "$dir/data"
  password=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
  echo "$password" > "$dir/superuser-password"
  chown "$user" "$dir/superuser-password" 2> /dev/null || true
  if ! pg_as_owner "$pg_bin/initdb" -D "$dir/data" -U plush_test --pwfile="$dir/superuser-password" \
      --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 > "$dir/initdb.log" 2>&1; then
    echo "pg_cluster_start: initdb failed (as $user):" >&2
    cat "$dir/initdb.log" >&2
    return 1
  fi
  # A throwaway server: no fsync; enough connections for tests that run at once.
  cat >> "$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir/socket'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
shared_buffers = 64MB
log_min_messages = warning
CONF
  # The port is free when chosen; another process may take it first, so a failed start tries another.
  for _ in 1 2 3 4 5; do
    port=$(pg_free_port)
    if pg_as_owner "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/log/server.log" -w -t 120 -o "-p $port" start \
        > "$dir/pg_ctl.log" 2>&1; then
      umask 077
      echo "127.0.0.1:$port:*:plush_test:$password" > "$dir/pgpass"
      chmod 0600 "$dir/pgpass"
      cat > "$dir/env" <<ENV
export PLUSH_TEST_PG='postgresql://plush_test@127.0.0.1:$port'
export PGPASSFILE='$dir/pgpass'
ENV
      return 0
    fi
  done
  echo "pg_cluster_start: the PostgreSQL server did not start:" >&2
  cat "$dir/pg_ctl.log" "$dir/log/server.log" >&2 2> /dev/null
  return 1
}

pg_cluster_stop() {
  local dir=$1
  [ -n "$dir" ] && [ -d "$dir" ] || return 0
  if [ -f "$dir/data/postmaster.pid" ]; then
    pg_as_owner "$pg_bin/pg_ctl" -D "$dir/data" -m immediate -w stop > /dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}
