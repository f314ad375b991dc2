# Sourced by the benchmark scripts: a throwaway PostgreSQL cluster on loopback (as user postgres when run as root),
# with a role `quiz` that may create its database. `throwaway_postgres DIR` starts it under DIR (created here, deleted
# by `throwaway_postgres_stop`) and sets `pg_port`; `free_port` prints a free loopback port.

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

as_pg() { if [[ $(id -u) == 0 ]]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }

throwaway_postgres() {
  pg_dir=$1
  pgbin=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
  [[ -x "$pgbin/initdb" ]] || { echo "PostgreSQL binaries not found (apt-get install -y postgresql)" >&2; return 1; }
  pg_port=${PGPORT:-$(free_port)}
  mkdir -p "$pg_dir"
  chmod a+x "$(dirname "$pg_dir")" # user postgres reaches its data directory inside
  if [[ $(id -u) == 0 ]]; then
    id -u postgres >/dev/null 2>&1 || useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin postgres
    chown postgres: "$pg_dir"
  fi
  as_pg "$pgbin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log"
  as_pg "$pgbin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$pg_port -c unix_socket_directories=$pg_dir" start >/dev/null
  as_pg "$pgbin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qc "CREATE ROLE quiz LOGIN CREATEDB;"
}

throwaway_postgres_stop() {
  if [[ -n "${pg_dir:-}" && -f "$pg_dir/data/postmaster.pid" ]]; then
    as_pg "$pgbin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null || true
  fi
}
