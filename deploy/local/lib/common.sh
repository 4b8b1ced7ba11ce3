# shellcheck shell=bash
# Shared settings and helpers for deploy/local/stack. Sourced, never run.
# Every setting is an environment variable with a default; see deploy/local/README.md.

CARELOOP_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd -P)
CARELOOP_LIB=$CARELOOP_ROOT/deploy/local/lib

# shellcheck source=deploy/local/lib/jdk.sh
source "$CARELOOP_LIB/jdk.sh"

: "${CARELOOP_STATE_DIR:=$CARELOOP_ROOT/deploy/local/.state}"
: "${CARELOOP_CACHE_DIR:=${HOME:-/root}/.cache/careloop}"

: "${CARELOOP_SCREENING_PORT:=8081}"
: "${CARELOOP_REFERRAL_PORT:=8082}"
: "${CARELOOP_DIRECTORY_PORT:=8083}"
: "${CARELOOP_NOTIFICATION_PORT:=8084}"
: "${CARELOOP_KEYCLOAK_PORT:=8180}"
: "${CARELOOP_KAFKA_PORT:=9092}"
: "${CARELOOP_KAFKA_CONTROLLER_PORT:=9093}"
: "${CARELOOP_SMTP_PORT:=3025}"
: "${CARELOOP_IMAP_PORT:=3143}"
: "${CARELOOP_MAIL_API_PORT:=3080}"

: "${CARELOOP_PG_HOST:=127.0.0.1}"
: "${CARELOOP_PG_PORT:=5432}"
: "${CARELOOP_PG_USER:=postgres}"
: "${CARELOOP_PG_PASSWORD:=}"
: "${CARELOOP_DB_PREFIX:=careloop}"

: "${CARELOOP_KAFKA_VERSION:=4.4.0}"
: "${CARELOOP_KEYCLOAK_VERSION:=26.7.3}"
: "${CARELOOP_GREENMAIL_VERSION:=2.1.13}"
: "${CARELOOP_KEYCLOAK_REALM_FILE:=$CARELOOP_ROOT/deploy/keycloak/careloop-realm.json}"
: "${CARELOOP_TOPICS_FILE:=$CARELOOP_ROOT/deploy/kafka/topics.conf}"
: "${CARELOOP_ACLS_FILE:=$CARELOOP_ROOT/deploy/kafka/acls.conf}"
: "${CARELOOP_DEMO_FILE:=$CARELOOP_ROOT/deploy/demo/region/boston-hsds.json}"

# Bounded waits, in seconds.
: "${CARELOOP_PG_TIMEOUT:=60}"
: "${CARELOOP_KAFKA_TIMEOUT:=90}"
: "${CARELOOP_KEYCLOAK_TIMEOUT:=240}"
: "${CARELOOP_SERVICE_TIMEOUT:=120}"
: "${CARELOOP_MAIL_TIMEOUT:=30}"
: "${CARELOOP_DEMO_TIMEOUT:=300}"
: "${CARELOOP_STOP_TIMEOUT:=30}"
: "${CARELOOP_LOCK_TIMEOUT:=900}"

# shellcheck disable=SC2034 # used by the scripts that source this file
CARELOOP_COMPONENTS=(postgres kafka keycloak topics mail services demo)
# shellcheck disable=SC2034
CARELOOP_SERVICES=(screening referral directory notification)
# JVM options of the next java_tool_run (see below).
TOOL_JAVA_OPTS=()

# ---------------------------------------------------------------- output

log() { printf '[stack] %s\n' "$*"; }
warn() { printf '[stack] WARNING: %s\n' "$*" >&2; }
error() { printf '[stack] ERROR: %s\n' "$*" >&2; }
die() {
    error "$*"
    exit 1
}

# Prints the last lines of a log file to stderr, framed.
tail_log() {
    local file=$1 lines=${2:-40}
    if [[ -s $file ]]; then
        printf -- '----- last %s lines of %s -----\n' "$lines" "$file" >&2
        tail -n "$lines" "$file" >&2
        printf -- '----- end of %s -----\n' "$file" >&2
    else
        printf '(log %s is empty or missing)\n' "$file" >&2
    fi
}

# ---------------------------------------------------------------- state

# Resolves CARELOOP_STATE_DIR to an absolute path (created if missing) and the folders in it.
init_state_dir() {
    mkdir -p "$CARELOOP_STATE_DIR" || die "cannot create state dir $CARELOOP_STATE_DIR"
    CARELOOP_STATE_DIR=$(cd "$CARELOOP_STATE_DIR" && pwd -P)
    export CARELOOP_STATE_DIR
    STATE_RUN=$CARELOOP_STATE_DIR/run
    STATE_LOGS=$CARELOOP_STATE_DIR/logs
    mkdir -p "$STATE_RUN" "$STATE_LOGS"
}

# Read-only variant for status/logs: does not create anything.
peek_state_dir() {
    if [[ -d $CARELOOP_STATE_DIR ]]; then
        CARELOOP_STATE_DIR=$(cd "$CARELOOP_STATE_DIR" && pwd -P)
    fi
    STATE_RUN=$CARELOOP_STATE_DIR/run
    STATE_LOGS=$CARELOOP_STATE_DIR/logs
}

init_cache_dir() {
    mkdir -p "$CARELOOP_CACHE_DIR" || die "cannot create cache dir $CARELOOP_CACHE_DIR"
    CARELOOP_CACHE_DIR=$(cd "$CARELOOP_CACHE_DIR" && pwd -P)
    export CARELOOP_CACHE_DIR
}

# Exclusive lock on a file for the rest of the calling shell; fd given by caller (8 or 9).
# Children started with start_bg close these fds, so a broker never keeps a lock alive.
take_lock() {
    local fd=$1 file=$2 what=$3
    if ! command -v flock >/dev/null 2>&1; then
        warn "flock not found; running without the $what lock"
        return 0
    fi
    eval "exec $fd>\"\$file\""
    if ! flock -n "$fd"; then
        log "waiting for the $what lock ($file), held by another stack command ..."
        flock -w "$CARELOOP_LOCK_TIMEOUT" "$fd" || die "could not get the $what lock within ${CARELOOP_LOCK_TIMEOUT}s: $file"
    fi
}

release_lock() {
    local fd=$1
    command -v flock >/dev/null 2>&1 || return 0
    flock -u "$fd" 2>/dev/null || true
    eval "exec $fd>&-"
}

need_jdk() {
    [[ -n ${CARELOOP_JDK_READY:-} ]] && return 0
    careloop_use_jdk || exit 1
    CARELOOP_JDK_READY=1
}

# ---------------------------------------------------------------- secrets
# Generated at the first start of a state dir, kept in <state>/secrets (mode 700, files mode 600), never in the
# repository. Deleting a file makes the next `up` generate a new one (for Kafka: only for a fresh storage).

secrets_dir() { printf '%s/secrets\n' "$CARELOOP_STATE_DIR"; }

# 24 random characters from [A-Za-z0-9] (safe inside JAAS quotes and Kafka's --add-scram syntax).
random_secret() {
    local s=""
    while ((${#s} < 24)); do
        s+=$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
    done
    printf '%s\n' "${s:0:24}"
}

# ensure_secret NAME [INITIAL]: prints the path of <state>/secrets/NAME; creates it (INITIAL or random) if missing.
ensure_secret() {
    local name=$1 initial=${2:-} dir file
    dir=$(secrets_dir)
    file=$dir/$name
    if [[ ! -s $file ]]; then
        [[ -n $initial ]] || initial=$(random_secret)
        (
            umask 077
            mkdir -p "$dir"
            printf '%s\n' "$initial" >"$file.tmp.$$"
            mv -f "$file.tmp.$$" "$file"
        ) || die "cannot write secret $file"
    fi
    chmod 700 "$dir" 2>/dev/null || true
    chmod 600 "$file" 2>/dev/null || true
    printf '%s\n' "$file"
}

# read_secret NAME: the value of <state>/secrets/NAME, created if missing.
read_secret() {
    local file
    file=$(ensure_secret "$1") || return 1
    head -n1 "$file"
}

# ---------------------------------------------------------------- processes

pidfile() { printf '%s/%s.pid\n' "$STATE_RUN" "$1"; }
logfile() { printf '%s/%s.log\n' "$STATE_LOGS" "$1"; }

# Full command line of a pid (empty if gone).
proc_args() {
    if [[ -r /proc/$1/cmdline ]]; then
        tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null || true
    else
        ps -ww -o args= -p "$1" 2>/dev/null || true
    fi
}

# Prints the pid of component process NAME if it runs and belongs to this state dir.
# Every process we start carries the state dir path in its command line, which guards against
# a recycled pid.
running_pid() {
    local name=$1 file pid
    file=$(pidfile "$name")
    [[ -f $file ]] || return 1
    pid=$(head -n1 "$file" 2>/dev/null || true)
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    kill -0 "$pid" 2>/dev/null || return 1
    proc_args "$pid" | grep -qF -- "$CARELOOP_STATE_DIR" || return 1
    printf '%s\n' "$pid"
}

# Moves the previous log aside so readiness checks only see this start.
rotate_log() {
    local file=$1
    if [[ -f $file ]]; then
        mv -f "$file" "$file.1"
    fi
    : >"$file"
}

# start_bg NAME LOGFILE CMD...: runs CMD detached (own session and process group, stdin from
# /dev/null, output to LOGFILE, lock fds closed) and records its pid.
start_bg() {
    local name=$1 log=$2 pid
    shift 2
    rotate_log "$log"
    if command -v setsid >/dev/null 2>&1; then
        setsid "$@" </dev/null >>"$log" 2>&1 8>&- 9>&- &
    else
        "$@" </dev/null >>"$log" 2>&1 8>&- 9>&- &
    fi
    pid=$!
    printf '%s\n' "$pid" >"$(pidfile "$name")"
    # shellcheck disable=SC2034 # read by the caller
    STARTED_PID=$pid
}

# True while the process group led by PID has members.
group_alive() { kill -0 -- "-$1" 2>/dev/null; }

# stop_pid NAME PID: SIGTERM, bounded wait, then SIGKILL; also reaps its process group, so a
# child JVM (kc.sh runs java as a child) never outlives its launcher.
stop_pid() {
    local name=$1 pid=$2 deadline
    kill -TERM "$pid" 2>/dev/null || true
    deadline=$((SECONDS + CARELOOP_STOP_TIMEOUT))
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
    if group_alive "$pid"; then
        kill -TERM -- "-$pid" 2>/dev/null || true
        while group_alive "$pid" && ((SECONDS < deadline)); do sleep 0.2; done
    fi
    if kill -0 "$pid" 2>/dev/null || group_alive "$pid"; then
        warn "$name (pid $pid) did not stop within ${CARELOOP_STOP_TIMEOUT}s; killing it"
        kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
        sleep 0.5
    fi
}

# stop_component NAME: stops the process recorded in NAME.pid if it is ours.
stop_component() {
    local name=$1 pid
    if pid=$(running_pid "$name"); then
        log "stopping $name (pid $pid) ..."
        stop_pid "$name" "$pid"
        log "$name stopped"
    else
        log "$name: not running from this state dir"
    fi
    rm -f "$(pidfile "$name")"
}

# ---------------------------------------------------------------- probes

# port_open HOST PORT: something accepts TCP connections there.
port_open() {
    local host=$1 port=$2
    # shellcheck disable=SC2016 # $0/$1 are expanded by the inner bash
    if command -v timeout >/dev/null 2>&1; then
        timeout 2 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$host" "$port" 2>/dev/null
    else
        bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$host" "$port" 2>/dev/null
    fi
}

# http_code URL: prints the HTTP status (000 if nothing answers).
http_code() {
    curl -s -o /dev/null -w '%{http_code}' --connect-timeout 2 --max-time 5 "$1" 2>/dev/null || true
}

http_ok() { [[ $(http_code "$1") == 200 ]]; }

log_has() { grep -qF -- "$2" "$1" 2>/dev/null; }

# wait_for WHAT TIMEOUT LOGFILE PID CHECK...: polls CHECK until it succeeds. Fails with the
# last log lines if PID (if given) exits first or TIMEOUT seconds pass.
wait_for() {
    local what=$1 timeout=$2 log=$3 pid=$4 deadline
    shift 4
    deadline=$((SECONDS + timeout))
    until "$@"; do
        if [[ -n $pid ]] && ! kill -0 "$pid" 2>/dev/null; then
            error "$what exited while starting"
            tail_log "$log"
            return 1
        fi
        if ((SECONDS >= deadline)); then
            error "timed out after ${timeout}s waiting for $what"
            tail_log "$log"
            return 1
        fi
        sleep 0.5
    done
}

# State word for a component this state dir does not run: notes a port taken by someone else.
stopped_state() {
    if port_open localhost "$1"; then
        printf 'stopped here (port %s busy)\n' "$1"
    else
        printf 'stopped\n'
    fi
}

# Fails unless PORT is free on localhost (something else listening there is not ours).
require_free_port() {
    local port=$1 what=$2 var=$3
    if port_open localhost "$port" || port_open 127.0.0.1 "$port"; then
        die "$what: port $port is already in use by a process this state dir did not start. Stop it or choose another port with $var=..."
    fi
}

# ---------------------------------------------------------------- maven

# Runs the repository's Maven wrapper with the chosen JDK.
mvnw() {
    need_jdk
    (cd "$CARELOOP_ROOT" && bash ./mvnw "$@")
}

# java_tool_run NAME SRC CLASSPATH ARGS...: runs the single-file program SRC (class NAME) against CLASSPATH, with the
# JVM options in the array TOOL_JAVA_OPTS (if set). Compiled once per source version into $CARELOOP_CACHE_DIR/tools/
# (a run then starts in well under a second instead of ~3 s of compilation); the source launcher otherwise.
java_tool_run() {
    local name=$1 src=$2 cp=$3 sha out
    shift 3
    need_jdk
    init_cache_dir
    sha=$(sha256sum "$src" | cut -c1-16)
    out=$CARELOOP_CACHE_DIR/tools/$name-$sha
    if [[ ! -f $out/$name.class && -x $JAVA_HOME/bin/javac ]]; then
        rm -rf "$out.tmp.$$"
        if "$JAVA_HOME/bin/javac" -nowarn -d "$out.tmp.$$" -cp "$cp" "$src" >/dev/null 2>&1; then
            mkdir -p "$(dirname "$out")"
            mv -T "$out.tmp.$$" "$out" 2>/dev/null || rm -rf "$out.tmp.$$" # a parallel run may have won
        else
            rm -rf "$out.tmp.$$"
        fi
    fi
    if [[ -f $out/$name.class ]]; then
        "$JAVA_HOME/bin/java" "${TOOL_JAVA_OPTS[@]}" -cp "$out:$cp" "$name" "$@"
    else
        "$JAVA_HOME/bin/java" "${TOOL_JAVA_OPTS[@]}" -cp "$cp" "$src" "$@"
    fi
}

elapsed_since() { printf '%ss' $((SECONDS - $1)); }

# Decodes the payload of a JWT (base64url) to stdout.
jwt_payload() {
    local p
    p=$(printf '%s' "$1" | cut -d. -f2 | tr '_-' '/+')
    while ((${#p} % 4)); do p="$p="; done
    printf '%s' "$p" | base64 -d 2>/dev/null
    echo
}

# json_string FIELD < json: the first string value of FIELD (flat extraction, no jq needed).
json_string() {
    sed -n "s/.*\"$1\"[[:space:]]*:[[:space:]]*\"\\([^\"]*\\)\".*/\\1/p" | head -n1
}
