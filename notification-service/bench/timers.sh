#!/usr/bin/env bash
# Benchmark of the chase timer worker (not a test): loads 100,000 pending timers into one running
# notification-service instance's database, due over a window so that about 1,250 a second fall due, and reports how
# late they fire (p50/p95/p99/max of fired_at - due_at; target p99 <= 1 s), that each fired exactly once, and the
# service's memory (RSS, heap).
#
# Run from the repository root:   notification-service/bench/timers.sh
#
# It needs the machine's PostgreSQL (trust auth) and starts everything else itself, away from the local stack: a
# throwaway database, a throwaway Kafka broker on ports 29092/29093 in a private state dir (the service's readiness
# and its outbox relay need a broker), and the service jar on port 18594 (built if missing). Keycloak is not needed:
# only /q/health and /q/metrics are used, so OIDC is switched off for this process. Everything is stopped and the
# database dropped at the end.
#
# Settings (environment): BENCH_TIMERS [100000], BENCH_WINDOW_SECONDS [80], BENCH_LEAD_SECONDS [20],
# BENCH_HTTP_PORT [18594], BENCH_STATE_DIR [/tmp/bench-stack], BENCH_XMX [384m, as the local stack runs services],
# BENCH_BUILD [0; 1 rebuilds the jar], PGHOST [127.0.0.1], PGPORT [5432], PGUSER [postgres].
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
BENCH=notification-service/bench

TIMERS=${BENCH_TIMERS:-100000}
WINDOW=${BENCH_WINDOW_SECONDS:-80}
LEAD=${BENCH_LEAD_SECONDS:-20}
HTTP_PORT=${BENCH_HTTP_PORT:-18594}
STATE=${BENCH_STATE_DIR:-/tmp/bench-stack}
XMX=${BENCH_XMX:-384m}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB=careloop_bench_$(date +%s)_$$
JAR=notification-service/target/quarkus-app/quarkus-run.jar
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
KAFKA_ENV=(CARELOOP_STATE_DIR="$STATE" CARELOOP_KAFKA_PORT=29092 CARELOOP_KAFKA_CONTROLLER_PORT=29093)
SERVICE_LOG=$STATE/bench-notification-service.log
SERVICE_PID=

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
psql_db() { psql -X -q -v ON_ERROR_STOP=1 -d "$DB" "$@"; }

cleanup() {
    set +e
    if [[ -n $SERVICE_PID ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
        log "stopping the service (pid $SERVICE_PID)"
        kill "$SERVICE_PID"
        for _ in $(seq 1 30); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 1; done
        kill -9 "$SERVICE_PID" 2>/dev/null
    fi
    psql -X -q -d postgres -c "drop database if exists $DB with (force)" >/dev/null 2>&1
    env "${KAFKA_ENV[@]}" deploy/local/stack down kafka >/dev/null 2>&1
    log "cleaned up (service log kept in $SERVICE_LOG)"
}
trap cleanup EXIT

mkdir -p "$STATE"
if [[ ! -f $JAR || ${BENCH_BUILD:-0} == 1 ]]; then
    log "building notification-service"
    ./mvnw -B -q -pl notification-service package -DskipTests
fi

log "starting a throwaway Kafka on localhost:29092 (state in $STATE)"
env "${KAFKA_ENV[@]}" deploy/local/stack up kafka topics >"$STATE/bench-stack-up.log" 2>&1 \
    || { cat "$STATE/bench-stack-up.log"; exit 1; }

log "creating database $DB"
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "create database $DB" >/dev/null

log "starting notification-service on port $HTTP_PORT (-Xmx$XMX)"
DB_HOST=$PGHOST DB_PORT=$PGPORT DB_USER=$PGUSER DB_NAME=$DB \
    KAFKA_BOOTSTRAP_SERVERS=localhost:29092 QUARKUS_HTTP_PORT=$HTTP_PORT \
    QUARKUS_OIDC_TENANT_ENABLED=false QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
    CARELOOP_WEBHOOKS_SECRET_KEY="bench1:$(head -c 32 /dev/urandom | base64 | tr -d '\n')" \
    "$JAVA" "-Xmx$XMX" -jar "$JAR" >"$SERVICE_LOG" 2>&1 &
SERVICE_PID=$!
for i in $(seq 1 120); do
    if curl -fsS "http://localhost:$HTTP_PORT/q/health/ready" >/dev/null 2>&1; then break; fi
    kill -0 "$SERVICE_PID" 2>/dev/null || { tail -50 "$SERVICE_LOG"; exit 1; }
    [[ $i == 120 ]] && { log "not ready after 120 s"; tail -50 "$SERVICE_LOG"; exit 1; }
    sleep 1
done
log "ready"

rss_mb() { awk '{printf "%.0f", $1 / 1024}' < <(ps -o rss= -p "$SERVICE_PID"); }
heap_mb() {
    curl -fsS "http://localhost:$HTTP_PORT/q/metrics" 2>/dev/null \
        | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {sum += $NF} END {printf "%.0f", sum / 1048576}'
}
sleep 5
IDLE_RSS=$(rss_mb)
IDLE_HEAP=$(heap_mb)

log "loading $TIMERS pending timers, due from ${LEAD}s from now over ${WINDOW}s"
T0=$(date +%s.%N)
psql_db -v timers="$TIMERS" -v window="$WINDOW" -v lead="$LEAD" -f "$BENCH/load-timers.sql" >/dev/null
LOADED=$(psql_db -At -c "select now()")
LOAD_S=$(awk -v a="$T0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')
log "loaded in ${LOAD_S}s; waiting for them to fire"

PEAK_RSS=$IDLE_RSS
PEAK_HEAP=$IDLE_HEAP
DEADLINE=$((SECONDS + LEAD + WINDOW + 120))
while :; do
    PENDING=$(psql_db -At -c "select count(*) from chase_timer where requester_organization_id = 'org-bench-clinic'
        and state = 'PENDING' and created_at < '$LOADED'")
    r=$(rss_mb); h=$(heap_mb)
    ((r > PEAK_RSS)) && PEAK_RSS=$r
    [[ -n $h ]] && ((h > PEAK_HEAP)) && PEAK_HEAP=$h
    [[ $PENDING == 0 ]] && break
    ((SECONDS > DEADLINE)) && { log "timed out with $PENDING timers pending"; break; }
    sleep 1
done
# Give the outbox relay a moment to publish the last events.
for _ in $(seq 1 60); do
    UNSENT=$(psql_db -At -c "select count(*) from outbox_event where sent_at is null")
    [[ $UNSENT == 0 ]] && break
    sleep 1
done

echo
echo "=== notification-service timer benchmark: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(uname -sr)"
echo "    $TIMERS timers due over ${WINDOW}s ($((TIMERS / WINDOW))/s), worker poll 250ms, batch 500, -Xmx$XMX,"
echo "    load average (1, 5, 15 min) at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
psql_db -v loaded="$LOADED" -f "$BENCH/report.sql"
echo "Memory of the service process: RSS idle ${IDLE_RSS} MB, peak ${PEAK_RSS} MB; heap used idle ${IDLE_HEAP} MB," \
    "peak ${PEAK_HEAP} MB (sampled every second)"
echo "Load of $TIMERS timers: ${LOAD_S}s"
