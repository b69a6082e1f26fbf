# Throwaway PostgreSQL and Redis servers for the test run, on 127.0.0.1 and free ports, with
# nothing kept: sourced by .ci/run (and usable by hand: `source .ci/test-services.sh;
# start_test_services; …; stop_test_services`). Exports TEST_DATABASE_URL (a superuser on a
# cluster of its own: the tests create and drop a database per test file) and TEST_REDIS_URL.
# Debian's packages: postgresql (initdb and pg_ctl in /usr/lib/postgresql/<version>/bin) and
# redis-server.

test_services_dir=""
test_services_pg_data=""
test_services_pg_bin=""

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

# Runs a command as the postgres user when we are root (initdb refuses root).
as_postgres() {
  if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_test_services() {
  test_services_dir="$(mktemp -d /tmp/rehearse-ci-services.XXXXXX)"
  chmod 755 "$test_services_dir"

  test_services_pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [[ -z "$test_services_pg_bin" || ! -x "$test_services_pg_bin/initdb" ]]; then
    echo "no PostgreSQL binaries in /usr/lib/postgresql/*/bin (apt-get install postgresql)" >&2
    return 1
  fi
  mkdir "$test_services_dir/pg"
  if [[ "$(id -u)" == 0 ]]; then chown postgres:postgres "$test_services_dir/pg"; fi
  chmod 700 "$test_services_dir/pg"
  test_services_pg_data="$test_services_dir/pg/data"
  local pg_port
  pg_port="$(free_port)"
  as_postgres "$test_services_pg_bin/initdb" -D "$test_services_pg_data" -U postgres -A trust -E UTF8 --locale=C --no-sync >/dev/null
  # Durability off: this cluster lives for one test run.
  as_postgres "$test_services_pg_bin/pg_ctl" -D "$test_services_pg_data" -l "$test_services_dir/pg/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$pg_port -c unix_socket_directories=$test_services_dir/pg -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null
  export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$pg_port/postgres"
  echo "    PostgreSQL $("$test_services_pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"

  local redis_port
  redis_port="$(free_port)"
  redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no --daemonize yes \
    --pidfile "$test_services_dir/redis.pid" --logfile "$test_services_dir/redis.log" --dir "$test_services_dir"
  local tries=0
  until [[ "$(redis-cli -h 127.0.0.1 -p "$redis_port" ping 2>/dev/null)" == PONG ]]; do
    tries=$((tries + 1))
    if ((tries > 100)); then
      echo "redis-server did not answer on 127.0.0.1:$redis_port" >&2
      cat "$test_services_dir/redis.log" >&2 || true
      return 1
    fi
    sleep 0.1
  done
  export TEST_REDIS_URL="redis://127.0.0.1:$redis_port/0"
  echo "    $(redis-server --version | awk '{print $1, $2, $3}') on 127.0.0.1:$redis_port"
}

stop_test_services() {
  [[ -n "$test_services_dir" ]] || return 0
  if [[ -n "$test_services_pg_data" && -d "$test_services_pg_data" ]]; then
    as_postgres "$test_services_pg_bin/pg_ctl" -D "$test_services_pg_data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  if [[ -f "$test_services_dir/redis.pid" ]]; then
    kill "$(cat "$test_services_dir/redis.pid")" 2>/dev/null || true
  fi
  rm -rf "$test_services_dir"
  test_services_dir=""
}
