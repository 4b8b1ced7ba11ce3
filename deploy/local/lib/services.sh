# shellcheck shell=bash
# services component: the four Quarkus services, each `java -jar quarkus-run.jar` in its own
# process, started one after the other (2 cores), each waited for on /q/health/ready.
# Each service authenticates to Kafka as its own principal (SASL/SCRAM, password from the state dir) and serves
# its metrics and API docs to anonymous callers (CARELOOP_MANAGEMENT_POLICY, default here: permit).
# demo component: loads the demo region (deploy/demo/region/boston-hsds.json, Open Referral HSDS 3.1) into
# directory-service through its HSDS import, once: only while the directory is empty, so a restart never resets
# capacity that referrals hold.

service_module() { printf '%s-service\n' "$1"; }
service_port() {
    local var
    var="CARELOOP_$(printf '%s' "$1" | tr '[:lower:]' '[:upper:]')_PORT"
    printf '%s\n' "${!var}"
}
service_jar() { printf '%s/%s/target/quarkus-app/quarkus-run.jar\n' "$CARELOOP_ROOT" "$(service_module "$1")"; }
service_url() { printf 'http://localhost:%s\n' "$(service_port "$1")"; }

# Builds the services whose runnable jar is missing (and what they depend on).
services_build_missing() {
    local s missing=() modules
    for s in "${CARELOOP_SERVICES[@]}"; do
        [[ -f $(service_jar "$s") ]] && continue
        [[ -f $CARELOOP_ROOT/$(service_module "$s")/pom.xml ]] ||
            die "services: module $(service_module "$s")/ does not exist (no pom.xml); nothing to run"
        missing+=("$(service_module "$s")")
    done
    ((${#missing[@]})) || return 0
    modules=$(
        IFS=,
        printf '%s' "${missing[*]}"
    )
    log "services: building $modules (./mvnw -B -q package -DskipTests -pl $modules -am) ..."
    local t0=$SECONDS
    mvnw -B -q package -DskipTests -pl "$modules" -am || die "services: build failed"
    for s in "${CARELOOP_SERVICES[@]}"; do
        [[ -f $(service_jar "$s") ]] || die "services: build finished but $(service_jar "$s") is missing"
    done
    log "services: built in $(elapsed_since "$t0")"
}

# The keys that protect people's details in screening-service, generated at the first start of a state dir (an
# encryption key "k1:<base64 of 32 bytes>" and a pseudonym key); values already in the environment win, so a
# rotation can be tried locally (CARELOOP_PRIVACY_ENCRYPTION_KEY, CARELOOP_PRIVACY_PREVIOUS_KEYS).
privacy_env() {
    local dir
    dir=$(secrets_dir)
    [[ -s $dir/privacy-encryption.key ]] ||
        ensure_secret privacy-encryption.key "k1:$(head -c 32 /dev/urandom | base64 | tr -d '\n')" >/dev/null
    [[ -s $dir/privacy-pseudonym.key ]] ||
        ensure_secret privacy-pseudonym.key "$(head -c 32 /dev/urandom | base64 | tr -d '\n')" >/dev/null
    PRIVACY_CALLER_KEY=${CARELOOP_PRIVACY_ENCRYPTION_KEY:-}
    PRIVACY_CALLER_PSEUDONYM=${CARELOOP_PRIVACY_PSEUDONYM_KEY:-}
    export CARELOOP_PRIVACY_ENCRYPTION_KEY=${CARELOOP_PRIVACY_ENCRYPTION_KEY:-$(head -n1 "$dir/privacy-encryption.key")}
    export CARELOOP_PRIVACY_PSEUDONYM_KEY=${CARELOOP_PRIVACY_PSEUDONYM_KEY:-$(head -n1 "$dir/privacy-pseudonym.key")}
}

# The key that seals the webhook signing secrets notification-service stores (AES-256-GCM, "k1:<base64 of 32 bytes>"),
# generated at the first start of a state dir; a value already in the environment wins (CARELOOP_WEBHOOKS_SECRET_KEY).
webhooks_key_env() {
    [[ -s $(secrets_dir)/webhooks-secret.key ]] ||
        ensure_secret webhooks-secret.key "k1:$(head -c 32 /dev/urandom | base64 | tr -d '\n')" >/dev/null
    WEBHOOKS_CALLER_KEY=${CARELOOP_WEBHOOKS_SECRET_KEY:-}
    export CARELOOP_WEBHOOKS_SECRET_KEY=${CARELOOP_WEBHOOKS_SECRET_KEY:-$(head -n1 "$(secrets_dir)/webhooks-secret.key")}
}

unset_webhooks_key_env() {
    if [[ -n $WEBHOOKS_CALLER_KEY ]]; then export CARELOOP_WEBHOOKS_SECRET_KEY=$WEBHOOKS_CALLER_KEY; else unset CARELOOP_WEBHOOKS_SECRET_KEY; fi
}

# Puts the caller's own values (or none) back after a start.
unset_privacy_env() {
    if [[ -n $PRIVACY_CALLER_KEY ]]; then export CARELOOP_PRIVACY_ENCRYPTION_KEY=$PRIVACY_CALLER_KEY; else unset CARELOOP_PRIVACY_ENCRYPTION_KEY; fi
    if [[ -n $PRIVACY_CALLER_PSEUDONYM ]]; then export CARELOOP_PRIVACY_PSEUDONYM_KEY=$PRIVACY_CALLER_PSEUDONYM; else unset CARELOOP_PRIVACY_PSEUDONYM_KEY; fi
}

service_up() {
    local s=$1 module port pid log t0
    module=$(service_module "$s")
    port=$(service_port "$s")
    if pid=$(running_pid "$module"); then
        log "$module: already running (pid $pid) on $(service_url "$s")"
        return 0
    fi
    require_free_port "$port" "$module" "CARELOOP_$(printf '%s' "$s" | tr '[:lower:]' '[:upper:]')_PORT"
    log=$(logfile "$module")
    t0=$SECONDS
    log "$module: starting on $(service_url "$s") ..."
    # Through the environment, not the command line: the JAAS configuration holds the service's password.
    KAFKA_SASL_JAAS_CONFIG=$(kafka_jaas "$module") || die "$module: no Kafka password in $(secrets_dir)"
    export KAFKA_SASL_JAAS_CONFIG
    local privacy_exported=0
    if [[ $s == screening ]]; then
        privacy_env
        privacy_exported=1
    fi
    # notification-service sends e-mail through the stack's SMTP server (GreenMail, lib/mail.sh) and, this being the
    # local profile, may call webhook receivers on localhost over plain http.
    local extra=() webhooks_exported=0
    if [[ $s == notification ]]; then
        webhooks_key_env
        webhooks_exported=1
        extra=(
            QUARKUS_MAILER_HOST=localhost
            QUARKUS_MAILER_PORT="$CARELOOP_SMTP_PORT"
            QUARKUS_MAILER_MOCK=false
            QUARKUS_MAILER_FROM="${CARELOOP_MAIL_FROM:-careloop@localhost}"
            QUARKUS_MAILER_START_TLS=DISABLED
            CARELOOP_WEBHOOKS_REQUIRE_HTTPS=false
            CARELOOP_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES=true
        )
        port_open localhost "$CARELOOP_SMTP_PORT" ||
            warn "no SMTP server on localhost:$CARELOOP_SMTP_PORT ($module's e-mail will fail until one runs: deploy/local/stack up mail)"
    fi
    start_bg "$module" "$log" env \
        "${extra[@]}" \
        QUARKUS_HTTP_PORT="$port" \
        DB_HOST="$CARELOOP_PG_HOST" \
        DB_PORT="$CARELOOP_PG_PORT" \
        DB_NAME="${CARELOOP_DB_PREFIX}_$s" \
        DB_USER="$CARELOOP_PG_USER" \
        DB_PASSWORD="$CARELOOP_PG_PASSWORD" \
        KAFKA_BOOTSTRAP_SERVERS="localhost:$CARELOOP_KAFKA_PORT" \
        KAFKA_SECURITY_PROTOCOL=SASL_PLAINTEXT \
        KAFKA_SASL_MECHANISM=SCRAM-SHA-512 \
        CARELOOP_MANAGEMENT_POLICY="${CARELOOP_MANAGEMENT_POLICY:-permit}" \
        OIDC_AUTH_SERVER_URL="http://localhost:$CARELOOP_KEYCLOAK_PORT/realms/careloop" \
        "$JAVA_HOME/bin/java" -Xmx384m -Dcareloop.state.dir="$CARELOOP_STATE_DIR" \
        -jar "$(service_jar "$s")"
    unset KAFKA_SASL_JAAS_CONFIG
    ((privacy_exported)) && unset_privacy_env
    ((webhooks_exported)) && unset_webhooks_key_env
    pid=$STARTED_PID
    if ! wait_for "$module ($(service_url "$s")/q/health/ready)" "$CARELOOP_SERVICE_TIMEOUT" "$log" "$pid" \
        http_ok "$(service_url "$s")/q/health/ready"; then
        stop_component "$module" >/dev/null
        die "$module did not become ready; full log: $log"
    fi
    log "$module: ready in $(elapsed_since "$t0") (pid $pid)"
}

services_up() {
    local s
    port_open localhost "$CARELOOP_KAFKA_PORT" || warn "no Kafka on localhost:$CARELOOP_KAFKA_PORT (services may not become ready)"
    keycloak_ready || warn "Keycloak realm not served at $(keycloak_url) (secured endpoints will fail until it is)"
    need_jdk
    services_build_missing
    for s in "${CARELOOP_SERVICES[@]}"; do
        service_up "$s"
    done
}

services_down() {
    local i
    for ((i = ${#CARELOOP_SERVICES[@]} - 1; i >= 0; i--)); do
        stop_component "$(service_module "${CARELOOP_SERVICES[i]}")"
    done
}

services_status() {
    local s module pid state
    for s in "${CARELOOP_SERVICES[@]}"; do
        module=$(service_module "$s")
        if pid=$(running_pid "$module"); then
            case $(http_code "$(service_url "$s")/q/health/ready") in
                200) state="running (ready)" ;;
                *) state="running (not ready)" ;;
            esac
        else
            pid="-"
            state=$(stopped_state "$(service_port "$s")")
        fi
        status_row "$module" "$state" "$pid" "$(service_port "$s")" "$(service_url "$s")/q/swagger-ui"
    done
}

# ---------------------------------------------------------------- demo

demo_up() {
    local token code body url
    if [[ ! -f $CARELOOP_DEMO_FILE ]]; then
        warn "demo: $CARELOOP_DEMO_FILE not found; skipping the demo directory import"
        return 0
    fi
    keycloak_ready || die "demo: Keycloak realm not served at $(keycloak_url) (run: deploy/local/stack up keycloak)"
    token=$(keycloak_user_token coordinator demo) || die "demo: could not get a token for user coordinator"
    if [[ -z ${CARELOOP_DEMO_FORCE:-} ]]; then
        local existing
        existing=$(curl -s --max-time 30 -H "Authorization: Bearer $token" \
            "$(service_url directory)/api/v1/organizations?size=1" | sed -n 's/.*"totalItems":\([0-9]*\).*/\1/p')
        if [[ -n $existing && $existing != 0 ]]; then
            log "demo: the directory already holds $existing organizations; not re-importing (capacity and holds stay as they are; CARELOOP_DEMO_FORCE=1 imports anyway)"
            [[ -f $STATE_RUN/demo.applied ]] || date '+%Y-%m-%d %H:%M:%S' >"$STATE_RUN/demo.applied"
            return 0
        fi
    fi
    url=$(service_url directory)/api/v1/directory/hsds/import
    log "demo: POST $CARELOOP_DEMO_FILE (HSDS) -> $url"
    body=$(mktemp)
    code=$(curl -s -o "$body" -w '%{http_code}' --max-time "$CARELOOP_DEMO_TIMEOUT" -X POST \
        -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        --data-binary "@$CARELOOP_DEMO_FILE" "$url" || true)
    if [[ $code != 2?? ]]; then
        error "demo: import answered HTTP $code$([[ $code == 404 ]] && printf ' (this directory-service has no HSDS import: rebuild it, ./mvnw -pl directory-service package)')"
        head -c 2000 "$body" >&2
        echo >&2
        rm -f "$body"
        exit 1
    fi
    log "demo: directory imported (HTTP $code): $(head -c 300 "$body")"
    rm -f "$body"
    date '+%Y-%m-%d %H:%M:%S' >"$STATE_RUN/demo.applied"
}

demo_down() { :; }

demo_status() {
    local state="not loaded"
    [[ -f $STATE_RUN/demo.applied ]] && state="loaded $(cat "$STATE_RUN/demo.applied")"
    [[ -f $CARELOOP_DEMO_FILE ]] || state="skipped (no demo file)"
    status_row demo "$state" "-" "-" "$(service_url directory)/api/v1/directory/hsds/import"
}
