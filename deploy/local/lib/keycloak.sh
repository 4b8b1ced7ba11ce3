# shellcheck shell=bash
# keycloak component: Keycloak (Quarkus dist) in dev mode with the careloop realm.
#
# Layout (why: a start must not re-augment, and no two instances may share mutable data):
#   $CARELOOP_CACHE_DIR/keycloak-<v>/                 pristine install, augmented once for start-dev
#   $CARELOOP_CACHE_DIR/keycloak-<v>-templates/<sha>/ H2 database with the realm already imported,
#                                                     one per realm-file hash, built once
#   $CARELOOP_STATE_DIR/keycloak/home/                this instance: bin/ and conf/ copied,
#                                                     lib/ providers/ themes/ symlinked to the
#                                                     cache (read-only), data/ (H2, transaction
#                                                     logs, import dir) private
# A fresh state dir starts from a copy of the template database (no schema creation, no import);
# when the realm file changes, the next start rebuilds the template and resets this state dir's
# database to it (so hand-made changes made in the admin console are lost then).
# Admin: no state dir shares an admin password. Keycloak creates its bootstrap admin only in a new database, so a
# template's admin gets a throwaway password (kept beside the template, mode 600); the first start of a state dir
# sets it to the state dir's own, generated then and kept in <state>/secrets/keycloak-admin.password (mode 600).

: "${CARELOOP_KEYCLOAK_DB_TEMPLATE:=1}"
CARELOOP_KEYCLOAK_ADMIN_USER="admin"
# What a template is made of besides the realm file; change it when templates must be rebuilt.
CARELOOP_KEYCLOAK_TEMPLATE_FORMAT="2: admin with a per-template password"

keycloak_install_dir() { printf '%s/keycloak-%s\n' "$CARELOOP_CACHE_DIR" "$CARELOOP_KEYCLOAK_VERSION"; }
keycloak_templates_dir() { printf '%s/keycloak-%s-templates\n' "$CARELOOP_CACHE_DIR" "$CARELOOP_KEYCLOAK_VERSION"; }
keycloak_home() { printf '%s/keycloak/home\n' "$CARELOOP_STATE_DIR"; }
keycloak_url() { printf 'http://localhost:%s\n' "$CARELOOP_KEYCLOAK_PORT"; }
keycloak_ready_url() { printf '%s/realms/careloop/.well-known/openid-configuration\n' "$(keycloak_url)"; }
keycloak_ready() { http_ok "$(keycloak_ready_url)"; }

keycloak_realm_sha() {
    { printf '%s\n' "$CARELOOP_KEYCLOAK_TEMPLATE_FORMAT"; cat "$CARELOOP_KEYCLOAK_REALM_FILE"; } | sha256sum | cut -c1-16
}

keycloak_admin_password_file() { printf '%s/keycloak-admin.password\n' "$(secrets_dir)"; }

# The bootstrap admin's password of this state dir (generated at its first start; KC_BOOTSTRAP_ADMIN_PASSWORD, if
# set then, is kept instead).
keycloak_admin_password() {
    local file
    file=$(ensure_secret keycloak-admin.password "${KC_BOOTSTRAP_ADMIN_PASSWORD:-}") || return 1
    head -n1 "$file"
}

# For status and the summary: never creates the password.
keycloak_admin_credentials() {
    local file
    file=$(keycloak_admin_password_file)
    if [[ -r $file ]]; then
        printf '%s / %s' "$CARELOOP_KEYCLOAK_ADMIN_USER" "$(head -n1 "$file")"
    else
        printf '%s / (generated at the first start)' "$CARELOOP_KEYCLOAK_ADMIN_USER"
    fi
}

# Downloads (./mvnw dependency:copy) and unpacks the distribution once. Caller holds lock fd 8.
keycloak_ensure_install() {
    local dest tmp zip t0
    dest=$(keycloak_install_dir)
    [[ -f $dest/.careloop-complete ]] && return 0
    t0=$SECONDS
    tmp=$CARELOOP_CACHE_DIR/keycloak-download.$$
    rm -rf "$tmp"
    mkdir -p "$tmp"
    log "downloading Keycloak $CARELOOP_KEYCLOAK_VERSION (~170 MB, once) ..."
    if ! mvnw -B -q -f deploy/local/kafka/pom.xml dependency:copy \
        -Dartifact="org.keycloak:keycloak-quarkus-dist:$CARELOOP_KEYCLOAK_VERSION:zip" -DoutputDirectory="$tmp"; then
        rm -rf "$tmp"
        die "could not download org.keycloak:keycloak-quarkus-dist:$CARELOOP_KEYCLOAK_VERSION:zip with ./mvnw"
    fi
    zip=$(compgen -G "$tmp/keycloak-quarkus-dist-*.zip" | head -n1) || die "Keycloak zip missing after download"
    log "unpacking Keycloak into $dest ..."
    if command -v unzip >/dev/null 2>&1; then
        unzip -q "$zip" -d "$tmp/x" || die "unzip of $zip failed"
    else
        need_jdk
        mkdir -p "$tmp/x"
        (cd "$tmp/x" && jar xf "$zip") || die "extracting $zip failed"
        chmod +x "$tmp/x"/keycloak-*/bin/*.sh
    fi
    [[ -x $(compgen -G "$tmp/x/keycloak-*/bin/kc.sh" | head -n1) ]] || die "unexpected Keycloak zip layout in $zip"
    rm -rf "$dest"
    mv "$tmp"/x/keycloak-* "$dest"
    rm -rf "$tmp"
    touch "$dest/.careloop-complete"
    log "Keycloak unpacked in $(elapsed_since "$t0")"
}

# (Re)creates an instance home: private bin/ conf/ data/, shared read-only lib/ providers/ themes/.
keycloak_prepare_home() {
    local home=$1 install d
    install=$(keycloak_install_dir)
    mkdir -p "$home/data/import"
    rm -rf "${home:?}/bin" "${home:?}/conf"
    cp -a "$install/bin" "$install/conf" "$home/"
    for d in lib providers themes; do
        rm -rf "${home:?}/$d"
        ln -s "$install/$d" "$home/$d"
    done
    rm -f "$home"/data/import/*.json
    cp "$CARELOOP_KEYCLOAK_REALM_FILE" "$home/data/import/careloop-realm.json"
}

# Launches kc.sh start-dev for HOME in the background (pid in STARTED_PID). With ADMIN_PASSWORD, Keycloak creates
# the bootstrap admin if the database has none (passed through the environment, not the command line).
keycloak_launch() {
    local name=$1 home=$2 log=$3 admin_password=${4:-}
    if [[ -n $admin_password ]]; then
        export KC_BOOTSTRAP_ADMIN_USERNAME=$CARELOOP_KEYCLOAK_ADMIN_USER
        export KC_BOOTSTRAP_ADMIN_PASSWORD=$admin_password
    else
        unset KC_BOOTSTRAP_ADMIN_USERNAME KC_BOOTSTRAP_ADMIN_PASSWORD
    fi
    start_bg "$name" "$log" env JAVA_HOME="$JAVA_HOME" \
        "$home/bin/kc.sh" start-dev --http-port "$CARELOOP_KEYCLOAK_PORT" --import-realm
    unset KC_BOOTSTRAP_ADMIN_USERNAME KC_BOOTSTRAP_ADMIN_PASSWORD
}

# Builds the template database for the current realm file once. Caller holds lock fd 8.
# Runs a throwaway instance on CARELOOP_KEYCLOAK_PORT (already checked free), waits until the
# realm is served, stops it cleanly and keeps its H2 file. The first build also augments the
# shared install for start-dev (≈25 s of the ≈50-70 s).
keycloak_ensure_template() {
    local sha=$1 tdir build log pid t0
    tdir=$(keycloak_templates_dir)/$sha
    [[ -f $tdir/keycloakdb.mv.db ]] && return 0
    t0=$SECONDS
    build=$(keycloak_templates_dir)/build.$$
    log=$(logfile keycloak-template)
    rm -rf "$build"
    keycloak_prepare_home "$build"
    log "keycloak: building the realm database template (once per realm file; first time also augments the install, ~1 min) ..."
    local template_password
    template_password=$(random_secret)
    keycloak_launch keycloak-template "$build" "$log" "$template_password"
    pid=$STARTED_PID
    # Never leave the template instance behind, whatever happens.
    trap 'stop_pid keycloak-template '"$pid"' >/dev/null 2>&1; rm -rf "'"$build"'"' EXIT
    trap 'exit 130' INT TERM
    if ! wait_for "keycloak template build" "$CARELOOP_KEYCLOAK_TIMEOUT" "$log" "$pid" keycloak_ready; then
        die "keycloak: template build failed; full log: $log"
    fi
    stop_pid keycloak-template "$pid"
    trap - EXIT INT TERM
    rm -f "$(pidfile keycloak-template)"
    [[ -f $build/data/h2/keycloakdb.mv.db ]] || die "keycloak: template build left no H2 database in $build/data/h2"
    mkdir -p "$tdir.tmp.$$"
    cp "$build/data/h2/keycloakdb.mv.db" "$tdir.tmp.$$/"
    (umask 077 && printf '%s\n' "$template_password" >"$tdir.tmp.$$/admin.password") ||
        die "keycloak: cannot write the template's admin password"
    rm -rf "$tdir"
    mv "$tdir.tmp.$$" "$tdir"
    rm -rf "$build"
    log "keycloak: template ready in $(elapsed_since "$t0")"
}

# Gives this state dir a database matching the current realm file.
keycloak_prepare_data() {
    local home=$1 sha=$2 current=""
    current=$(cat "$CARELOOP_STATE_DIR/keycloak/realm.sha" 2>/dev/null || true)
    if [[ $current == "$sha" && -f $home/data/h2/keycloakdb.mv.db ]]; then
        return 0
    fi
    if [[ -n $current ]]; then
        log "keycloak: realm file changed since this state dir's database was made; resetting it"
    fi
    rm -rf "$home/data/h2" "$home/data/transaction-logs" "$home/data/tmp"
    rm -f "$CARELOOP_STATE_DIR/keycloak/admin.applied"
    if [[ $CARELOOP_KEYCLOAK_DB_TEMPLATE == 1 ]]; then
        mkdir -p "$home/data/h2"
        cp "$(keycloak_templates_dir)/$sha/keycloakdb.mv.db" "$home/data/h2/"
    else
        # A new database: Keycloak creates the bootstrap admin with this state dir's password itself.
        date '+%Y-%m-%d %H:%M:%S' >"$CARELOOP_STATE_DIR/keycloak/admin.applied"
    fi
    printf '%s\n' "$sha" >"$CARELOOP_STATE_DIR/keycloak/realm.sha"
}

keycloak_up() {
    local pid home log sha t0
    if pid=$(running_pid keycloak); then
        log "keycloak: already running (pid $pid) at $(keycloak_url)"
        return 0
    fi
    [[ -f $CARELOOP_KEYCLOAK_REALM_FILE ]] || die "keycloak: realm file $CARELOOP_KEYCLOAK_REALM_FILE not found"
    require_free_port "$CARELOOP_KEYCLOAK_PORT" keycloak CARELOOP_KEYCLOAK_PORT
    need_jdk
    init_cache_dir
    sha=$(keycloak_realm_sha)
    if [[ ! -f $(keycloak_install_dir)/.careloop-complete ||
        ($CARELOOP_KEYCLOAK_DB_TEMPLATE == 1 && ! -f $(keycloak_templates_dir)/$sha/keycloakdb.mv.db) ]]; then
        take_lock 8 "$CARELOOP_CACHE_DIR/.keycloak-$CARELOOP_KEYCLOAK_VERSION.lock" "Keycloak install"
        keycloak_ensure_install
        [[ $CARELOOP_KEYCLOAK_DB_TEMPLATE == 1 ]] && keycloak_ensure_template "$sha"
        release_lock 8
    fi
    home=$(keycloak_home)
    log=$(logfile keycloak)
    keycloak_prepare_home "$home"
    keycloak_prepare_data "$home" "$sha"
    t0=$SECONDS
    log "keycloak: starting on $(keycloak_url) ..."
    keycloak_launch keycloak "$home" "$log" "$(keycloak_admin_password)"
    pid=$STARTED_PID
    if ! wait_for "keycloak ($(keycloak_ready_url))" "$CARELOOP_KEYCLOAK_TIMEOUT" "$log" "$pid" keycloak_ready; then
        stop_component keycloak >/dev/null
        die "keycloak did not start; full log: $log"
    fi
    if [[ ! -f $CARELOOP_STATE_DIR/keycloak/admin.applied ]]; then
        keycloak_apply_admin_password "$sha" || {
            stop_component keycloak >/dev/null
            die "keycloak: could not give the admin this state dir's password"
        }
    fi
    log "keycloak: up in $(elapsed_since "$t0") (pid $pid), realm careloop at $(keycloak_url)/realms/careloop"
}

# Replaces the template's admin password by this state dir's (admin REST API, as the admin).
keycloak_apply_admin_password() {
    local sha=$1 tfile old new token id body code
    tfile=$(keycloak_templates_dir)/$sha/admin.password
    [[ -r $tfile ]] || {
        error "keycloak: no template admin password at $tfile"
        return 1
    }
    old=$(head -n1 "$tfile")
    new=$(keycloak_admin_password) || return 1
    body=$(curl -s --max-time 15 -d grant_type=password -d client_id=admin-cli \
        --data-urlencode "username=$CARELOOP_KEYCLOAK_ADMIN_USER" --data-urlencode "password=$old" \
        "$(keycloak_url)/realms/master/protocol/openid-connect/token") || return 1
    token=$(printf '%s' "$body" | json_string access_token)
    [[ -n $token ]] || {
        error "keycloak: the template's admin password was refused: $body"
        return 1
    }
    id=$(curl -s --max-time 15 -H "Authorization: Bearer $token" \
        "$(keycloak_url)/admin/realms/master/users?username=$CARELOOP_KEYCLOAK_ADMIN_USER&exact=true" | json_string id)
    [[ -n $id ]] || {
        error "keycloak: no admin user in the master realm"
        return 1
    }
    code=$(printf '{"type":"password","temporary":false,"value":"%s"}' "$new" |
        curl -s -o /dev/null -w '%{http_code}' --max-time 15 -X PUT -H "Authorization: Bearer $token" \
            -H 'Content-Type: application/json' --data-binary @- \
            "$(keycloak_url)/admin/realms/master/users/$id/reset-password")
    [[ $code == 204 ]] || {
        error "keycloak: setting the admin password answered HTTP $code"
        return 1
    }
    date '+%Y-%m-%d %H:%M:%S' >"$CARELOOP_STATE_DIR/keycloak/admin.applied"
    log "keycloak: admin password generated for this state dir ($(keycloak_admin_password_file))"
}

keycloak_down() { stop_component keycloak; }

keycloak_status() {
    local pid state
    if pid=$(running_pid keycloak); then
        state=running
        keycloak_ready || state="running (realm not ready)"
    else
        pid="-"
        state=$(stopped_state "$CARELOOP_KEYCLOAK_PORT")
    fi
    status_row keycloak "$state" "$pid" "$CARELOOP_KEYCLOAK_PORT" "$(keycloak_url)/admin/ ($(keycloak_admin_credentials))"
}

# Prints an access token (password grant via careloop-cli) for USER.
keycloak_user_token() {
    local user=$1 password=${2:-demo} body
    body=$(curl -s --max-time 15 -d grant_type=password -d client_id=careloop-cli \
        --data-urlencode "username=$user" --data-urlencode "password=$password" \
        "$(keycloak_url)/realms/careloop/protocol/openid-connect/token") || return 1
    printf '%s' "$body" | json_string access_token | grep . || {
        error "no token for $user: $body"
        return 1
    }
}
