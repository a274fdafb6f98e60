# Starts a throwaway PostgreSQL cluster for the tests: Debian's `postgresql` package, `initdb` in a temporary
# directory, the server on a loopback port, run as the unprivileged `postgres` user (the server refuses
# root). Source it: it exports LEADSCORE_TEST_PG_URL and defines stop_test_postgres for an EXIT trap.
#   source .ci/postgres.sh && trap stop_test_postgres EXIT

# .ci/run installs Debian's postgresql package (apt-get install -y postgresql) before sourcing this.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "PostgreSQL is not installed: apt-get install -y postgresql" >&2
  exit 1
fi
pg_bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
pg_dir=$(mktemp -d /tmp/leadscore-pg.XXXXXX)
pg_as() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
[ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
pg_as "$pg_bin/initdb" -D "$pg_dir/data" -U leadscore --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
# Another run may hold a port on this machine: try a few random ones.
for attempt in 1 2 3 4 5; do
  pg_port=$((20000 + RANDOM % 30000))
  if pg_as "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 30 start \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir -c fsync=off -c max_connections=20" >/dev/null; then
    break
  fi
  [ "$attempt" = 5 ] && { cat "$pg_dir/server.log" >&2; exit 1; }
done
export LEADSCORE_TEST_PG_URL="postgres://leadscore@127.0.0.1:$pg_port/postgres"
stop_test_postgres() {
  pg_as "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
