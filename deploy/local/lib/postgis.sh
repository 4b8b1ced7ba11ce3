# shellcheck shell=bash
# PostGIS for the directory's geography (service areas, distances; ADR 0011). Self-contained, so that both
# `deploy/local/stack` and `deploy/local/test` can use it: when the PostgreSQL on HOST:PORT does not offer the
# postgis extension, install Debian's postgresql-<server major>-postgis-3 (root and apt-get required).
#   careloop_ensure_postgis HOST PORT USER
careloop_ensure_postgis() {
    local host=$1 port=$2 user=$3 q major pkg
    command -v psql >/dev/null 2>&1 || return 0 # no client: the PostgreSQL tests embed report it themselves
    q() { PGCONNECT_TIMEOUT=5 psql -X -q -A -t -h "$host" -p "$port" -U "$user" -d postgres -c "$1" 2>/dev/null; }
    major=$(q "select current_setting('server_version_num')::int / 10000") || return 0 # not answering yet
    [[ -n $major ]] || return 0
    if [[ $(q "select 1 from pg_available_extensions where name = 'postgis'") == 1 ]]; then
        return 0
    fi
    pkg=postgresql-$major-postgis-3
    if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
        echo "PostgreSQL $major on $host:$port has no PostGIS; install it: apt-get install $pkg" >&2
        return 1
    fi
    echo "installing PostGIS for PostgreSQL $major ($pkg) ..." >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$pkg" >/dev/null 2>&1 ||
        { DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null 2>&1 &&
            DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$pkg" >/dev/null; } ||
        { echo "could not install $pkg" >&2; return 1; }
    [[ $(q "select 1 from pg_available_extensions where name = 'postgis'") == 1 ]]
}
