# shellcheck shell=bash
# mail component: a real SMTP server for the local stack, GreenMail standalone (com.icegreen:greenmail-standalone, one
# jar from Maven Central, fetched once into the cache). SMTP on localhost:$CARELOOP_SMTP_PORT, IMAP on
# localhost:$CARELOOP_IMAP_PORT, GreenMail's REST API on http://localhost:$CARELOOP_MAIL_API_PORT/api.
# Authentication is disabled: any sender may send without logging in, and every recipient address gets its own
# mailbox, read over IMAP with login = the full address and any password. Mail lives in memory: `down mail` drops it.
# `deploy/local/stack mail list|show|purge` reads it (deploy/local/mail/Mailbox.java, compiled once).

mail_jar() { printf '%s/greenmail-%s/greenmail-standalone-%s.jar\n' "$CARELOOP_CACHE_DIR" "$CARELOOP_GREENMAIL_VERSION" "$CARELOOP_GREENMAIL_VERSION"; }
mail_api_url() { printf 'http://localhost:%s/api\n' "$CARELOOP_MAIL_API_PORT"; }

# Downloads the GreenMail standalone jar once (./mvnw dependency:copy with the throwaway pom).
mail_ensure_jar() {
    local jar dir tmp t0
    init_cache_dir
    jar=$(mail_jar)
    [[ -s $jar ]] && return 0
    dir=$(dirname "$jar")
    take_lock 8 "$CARELOOP_CACHE_DIR/.greenmail-$CARELOOP_GREENMAIL_VERSION.lock" "GreenMail download"
    if [[ ! -s $jar ]]; then
        t0=$SECONDS
        tmp="$dir.tmp.$$"
        rm -rf "$tmp"
        log "downloading GreenMail $CARELOOP_GREENMAIL_VERSION (~11 MB, once) ..."
        if ! mvnw -B -q -f deploy/local/kafka/pom.xml dependency:copy \
            -Dartifact="com.icegreen:greenmail-standalone:$CARELOOP_GREENMAIL_VERSION" -DoutputDirectory="$tmp"; then
            rm -rf "$tmp"
            die "could not download com.icegreen:greenmail-standalone:$CARELOOP_GREENMAIL_VERSION with ./mvnw"
        fi
        [[ -s $tmp/$(basename "$jar") ]] || die "GreenMail download incomplete: no $(basename "$jar") in $tmp"
        rm -rf "$dir"
        mv "$tmp" "$dir"
        log "GreenMail ready ($(elapsed_since "$t0"))"
    fi
    release_lock 8
}

mail_ready() { http_ok "$(mail_api_url)/service/readiness"; }

mail_up() {
    local pid log t0
    if pid=$(running_pid mail); then
        log "mail: already running (pid $pid), SMTP localhost:$CARELOOP_SMTP_PORT, IMAP localhost:$CARELOOP_IMAP_PORT"
        return 0
    fi
    require_free_port "$CARELOOP_SMTP_PORT" "mail (SMTP)" CARELOOP_SMTP_PORT
    require_free_port "$CARELOOP_IMAP_PORT" "mail (IMAP)" CARELOOP_IMAP_PORT
    require_free_port "$CARELOOP_MAIL_API_PORT" "mail (API)" CARELOOP_MAIL_API_PORT
    mail_ensure_jar
    need_jdk
    log=$(logfile mail)
    t0=$SECONDS
    log "mail: starting GreenMail, SMTP localhost:$CARELOOP_SMTP_PORT, IMAP localhost:$CARELOOP_IMAP_PORT ..."
    start_bg mail "$log" "$JAVA_HOME/bin/java" -Xmx128m -XX:+UseSerialGC -Djava.awt.headless=true \
        -Dcareloop.state.dir="$CARELOOP_STATE_DIR" \
        -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$CARELOOP_SMTP_PORT" \
        -Dgreenmail.imap.hostname=127.0.0.1 -Dgreenmail.imap.port="$CARELOOP_IMAP_PORT" \
        -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$CARELOOP_MAIL_API_PORT" \
        -Dgreenmail.auth.disabled \
        -jar "$(mail_jar)"
    pid=$STARTED_PID
    if ! wait_for "mail ($(mail_api_url)/service/readiness)" "$CARELOOP_MAIL_TIMEOUT" "$log" "$pid" mail_ready; then
        stop_component mail >/dev/null
        die "mail did not start; full log: $log"
    fi
    log "mail: up in $(elapsed_since "$t0") (pid $pid)"
}

mail_down() { stop_component mail; }

mail_status() {
    local pid state
    if pid=$(running_pid mail); then
        state=running
        mail_ready || state="running (not ready)"
    else
        pid="-"
        state=$(stopped_state "$CARELOOP_SMTP_PORT")
    fi
    status_row mail "$state" "$pid" "$CARELOOP_SMTP_PORT" "smtp://localhost:$CARELOOP_SMTP_PORT imap://localhost:$CARELOOP_IMAP_PORT (login = address) $(mail_api_url)"
}

# ---------------------------------------------------------------- reading mail

mail_usage() {
    cat <<EOF
usage: deploy/local/stack mail <command>

  list [--to ADDRESS]          one line per message, oldest first, tab-separated:
                               N  TO  RECEIVED (UTC, ISO-8601)  FROM  SUBJECT
  show N [--to ADDRESS]        message N of that list: headers and text body
  raw N [--to ADDRESS]         message N as received (RFC 822 source)
  purge                        deletes every message of every mailbox

Mailboxes: one per recipient address, IMAP localhost:$CARELOOP_IMAP_PORT, login = the address, any password.
EOF
}

cmd_mail() {
    local sub=${1:-list}
    (($#)) && shift
    peek_state_dir
    case $sub in
        help | -h | --help)
            mail_usage
            return 0
            ;;
    esac
    mail_ready || die "mail: GreenMail does not answer at $(mail_api_url) (run: deploy/local/stack up mail)"
    case $sub in
        purge)
            [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -X POST "$(mail_api_url)/mail/purge") == 200 ]] ||
                die "mail: purge failed"
            log "mail: every mailbox purged"
            ;;
        list | show | raw)
            [[ -s $(mail_jar) ]] || mail_ensure_jar
            java_tool_run Mailbox "$CARELOOP_ROOT/deploy/local/mail/Mailbox.java" "$(mail_jar)" \
                "$sub" --imap "localhost:$CARELOOP_IMAP_PORT" --api "$(mail_api_url)" "$@"
            ;;
        *)
            mail_usage >&2
            exit 2
            ;;
    esac
}
