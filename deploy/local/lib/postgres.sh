# shellcheck shell=bash
# postgres component: use the PostgreSQL that answers on CARELOOP_PG_HOST:PORT, or start a
# private cluster (Debian's binaries, data under the state dir, trust auth) on that port.
# Then create the four service databases if missing.

# shellcheck source=deploy/local/lib/postgis.sh
source "$(dirname "${BASH_SOURCE[0]}")/postgis.sh"

pg_data_dir() { printf '%s/postgres/data\n' "$CARELOOP_STATE_DIR"; }

pg_answers() {
    if command -v pg_isready >/dev/null 2>&1; then
        pg_isready -q -h "$CARELOOP_PG_HOST" -p "$CARELOOP_PG_PORT" -t 2 >/dev/null 2>&1
    else
        port_open "$CARELOOP_PG_HOST" "$CARELOOP_PG_PORT"
    fi
}

# Pid of the private cluster's postmaster if this state dir started it and it still runs.
pg_our_pid() {
    local pid data
    data=$(pg_data_dir)
    pid=$(head -n1 "$(pidfile postgres)" 2>/dev/null || true)
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    kill -0 "$pid" 2>/dev/null || return 1
    [[ -f $data/postmaster.pid && $(head -n1 "$data/postmaster.pid") == "$pid" ]] || return 1
    printf '%s\n' "$pid"
}

# Folder with initdb/pg_ctl: newest /usr/lib/postgresql/<v>/bin, else from PATH.
pg_bindir() {
    local d v best
    # Glob order is lexical (10 < 9): pick by numeric version.
    best=$(for d in /usr/lib/postgresql/*/bin; do
        [[ -x $d/initdb && -x $d/pg_ctl ]] || continue
        v=${d#/usr/lib/postgresql/}
        printf '%s %s\n' "${v%/bin}" "$d"
    done | sort -n | tail -n1 | cut -d' ' -f2-)
    if [[ -z $best ]] && command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        best=$(dirname "$(command -v initdb)")
    fi
    [[ -n $best ]] || return 1
    printf '%s\n' "$best"
}

apt_install() {
    if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
        return 1
    fi
    log "installing Debian package(s): $* ..."
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null 2>&1 ||
        { DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null 2>&1 &&
            DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null; }
}

# Runs a command as the postgres OS user when we are root (initdb refuses root).
as_pg_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        if command -v runuser >/dev/null 2>&1; then
            runuser -u postgres -- "$@"
        else
            su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
        fi
    else
        "$@"
    fi
}

pg_start_private() {
    local bindir data sockdir log
    data=$(pg_data_dir)
    log=$(logfile postgres)
    if ! bindir=$(pg_bindir); then
        apt_install postgresql || die "PostgreSQL binaries not found and 'apt-get install postgresql' is not possible here; install PostgreSQL or point CARELOOP_PG_HOST/PORT at a running server"
        bindir=$(pg_bindir) || die "PostgreSQL installed but initdb/pg_ctl not found"
    fi
    mkdir -p "$CARELOOP_STATE_DIR/postgres"
    if [[ $(id -u) -eq 0 ]]; then
        id postgres >/dev/null 2>&1 || die "no 'postgres' OS user to run initdb as (initdb refuses root)"
        chown postgres: "$CARELOOP_STATE_DIR/postgres"
        as_pg_owner test -w "$CARELOOP_STATE_DIR/postgres" ||
            die "the postgres OS user cannot reach $CARELOOP_STATE_DIR/postgres (a parent folder is not world-searchable); use a CARELOOP_STATE_DIR outside it"
        touch "$log" && chown postgres: "$log"
    fi
    if [[ ! -f $data/PG_VERSION ]]; then
        log "initialising a private PostgreSQL cluster in $data ..."
        as_pg_owner "$bindir/initdb" -D "$data" -U "$CARELOOP_PG_USER" --auth=trust -E UTF8 --locale=C >>"$log" 2>&1 ||
            {
                tail_log "$log"
                die "initdb failed"
            }
    fi
    # Unix socket in the state dir when the path is short enough (107-byte limit), else /tmp.
    sockdir=$CARELOOP_STATE_DIR/postgres
    ((${#sockdir} < 80)) || sockdir=/tmp
    log "starting private PostgreSQL on $CARELOOP_PG_HOST:$CARELOOP_PG_PORT ..."
    if ! as_pg_owner "$bindir/pg_ctl" -D "$data" -l "$log" -w -t "$CARELOOP_PG_TIMEOUT" \
        -o "-p $CARELOOP_PG_PORT -k $sockdir -c listen_addresses=$CARELOOP_PG_HOST" start >/dev/null 8>&- 9>&-; then
        tail_log "$log"
        die "PostgreSQL did not start within ${CARELOOP_PG_TIMEOUT}s"
    fi
    head -n1 "$data/postmaster.pid" >"$(pidfile postgres)"
    printf '%s\n' "$bindir" >"$STATE_RUN/postgres.bindir"
}

pg_psql() {
    PGPASSWORD=$CARELOOP_PG_PASSWORD PGCONNECT_TIMEOUT=5 psql -X -q -A -t -v ON_ERROR_STOP=1 \
        -h "$CARELOOP_PG_HOST" -p "$CARELOOP_PG_PORT" -U "$CARELOOP_PG_USER" -d postgres "$@"
}

pg_databases() {
    local s
    for s in "${CARELOOP_SERVICES[@]}"; do printf '%s_%s\n' "$CARELOOP_DB_PREFIX" "$s"; done
}

pg_ensure_databases() {
    local db exists
    [[ $CARELOOP_DB_PREFIX =~ ^[a-z_][a-z0-9_]*$ ]] || die "CARELOOP_DB_PREFIX must match [a-z_][a-z0-9_]*"
    if ! command -v psql >/dev/null 2>&1; then
        apt_install postgresql-client || die "psql not found; install the PostgreSQL client (apt-get install postgresql-client)"
    fi
    for db in $(pg_databases); do
        exists=$(pg_psql -c "SELECT 1 FROM pg_database WHERE datname = '$db'") ||
            die "cannot query PostgreSQL at $CARELOOP_PG_HOST:$CARELOOP_PG_PORT as $CARELOOP_PG_USER"
        if [[ $exists == 1 ]]; then
            log "database $db exists"
        else
            pg_psql -c "CREATE DATABASE \"$db\"" || die "cannot create database $db"
            log "database $db created"
        fi
    done
}

postgres_up() {
    local pid
    if pid=$(pg_our_pid); then
        log "postgres: private cluster already running (pid $pid)"
    elif pg_answers; then
        log "postgres: using the PostgreSQL already answering on $CARELOOP_PG_HOST:$CARELOOP_PG_PORT"
        rm -f "$(pidfile postgres)"
    elif port_open "$CARELOOP_PG_HOST" "$CARELOOP_PG_PORT"; then
        die "postgres: something listens on $CARELOOP_PG_HOST:$CARELOOP_PG_PORT but is not an accepting PostgreSQL"
    else
        local t0=$SECONDS
        pg_start_private
        log "postgres: private cluster up in $(elapsed_since "$t0") (pid $(pg_our_pid))"
    fi
    careloop_ensure_postgis "$CARELOOP_PG_HOST" "$CARELOOP_PG_PORT" "$CARELOOP_PG_USER" ||
        die "postgres: the directory needs PostGIS"
    pg_ensure_databases
}

postgres_down() {
    local pid bindir data
    data=$(pg_data_dir)
    if pid=$(pg_our_pid); then
        log "stopping private PostgreSQL (pid $pid) ..."
        bindir=$(cat "$STATE_RUN/postgres.bindir" 2>/dev/null || pg_bindir || true)
        if [[ -z $bindir ]] || ! as_pg_owner "$bindir/pg_ctl" -D "$data" -m fast -w -t "$CARELOOP_STOP_TIMEOUT" stop >/dev/null 2>&1; then
            stop_pid postgres "$pid"
        fi
        log "postgres stopped"
    else
        log "postgres: not started by this state dir (left alone)"
    fi
    rm -f "$(pidfile postgres)" "$STATE_RUN/postgres.bindir"
}

postgres_status() {
    local pid state where
    where="postgresql://$CARELOOP_PG_USER@$CARELOOP_PG_HOST:$CARELOOP_PG_PORT/${CARELOOP_DB_PREFIX}_*"
    if pid=$(pg_our_pid); then
        state="running (private)"
    elif pg_answers; then
        pid="-"
        state="running (external)"
    else
        pid="-"
        state="stopped"
    fi
    status_row postgres "$state" "$pid" "$CARELOOP_PG_PORT" "$where"
}
