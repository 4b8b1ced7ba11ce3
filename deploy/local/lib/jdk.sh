# shellcheck shell=bash
# JDK detection shared by every CareLoop script. Source it, then call careloop_use_jdk:
#
#   source deploy/local/lib/jdk.sh
#   careloop_use_jdk || exit 1
#
# careloop_use_jdk picks $JAVA_HOME when it is a JDK >= CARELOOP_MIN_JAVA (21), otherwise the
# newest JDK >= 21 found in the usual install folders, then exports JAVA_HOME and puts its bin/
# first on PATH. The machine default `java` is 17, which the build rejects (release 21).

: "${CARELOOP_MIN_JAVA:=21}"

# Prints the feature release (8, 17, 21, 25, ...) of the given java binary, or nothing.
careloop_java_major() {
    local java_bin=$1 line version major
    [[ -x $java_bin ]] || return 1
    line=$("$java_bin" -version 2>&1 | grep -m1 -E 'version "' || true)
    version=${line#*version \"}
    version=${version%%\"*}
    [[ -n $version && $version != "$line" ]] || return 1
    if [[ $version == 1.* ]]; then # 1.8.0_392 style
        version=${version#1.}
    fi
    major=${version%%[.+-]*}
    [[ $major =~ ^[0-9]+$ ]] || return 1
    printf '%s\n' "$major"
}

# Prints candidate JDK homes, one per line (may contain duplicates and non-JDKs).
careloop_jdk_candidates() {
    local d
    for d in /usr/lib/jvm/* /usr/java/* /usr/local/java/* /opt/java/* /opt/jdk* /opt/*jdk* \
        /usr/local/opt/openjdk*/libexec/openjdk.jdk/Contents/Home \
        /Library/Java/JavaVirtualMachines/*/Contents/Home \
        "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* "$HOME"/.asdf/installs/java/*; do
        [[ -d $d ]] && printf '%s\n' "$d"
    done
    if command -v javac >/dev/null 2>&1; then
        d=$(readlink -f "$(command -v javac)" 2>/dev/null || true)
        [[ -n $d ]] && printf '%s\n' "${d%/bin/javac}"
    fi
    return 0
}

# Prints the home of the newest JDK >= CARELOOP_MIN_JAVA (JAVA_HOME first if it qualifies).
careloop_find_jdk() {
    local home major best="" best_major=0
    if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java && -x $JAVA_HOME/bin/javac ]]; then
        major=$(careloop_java_major "$JAVA_HOME/bin/java" || true)
        if [[ -n $major ]] && ((major >= CARELOOP_MIN_JAVA)); then
            printf '%s\n' "$JAVA_HOME"
            return 0
        fi
    fi
    while IFS= read -r home; do
        [[ -x $home/bin/java && -x $home/bin/javac ]] || continue
        major=$(careloop_java_major "$home/bin/java" || true)
        [[ -n $major ]] || continue
        if ((major >= CARELOOP_MIN_JAVA && major > best_major)); then
            best=$home
            best_major=$major
        fi
    done < <(careloop_jdk_candidates)
    [[ -n $best ]] || return 1
    printf '%s\n' "$best"
}

# Exports JAVA_HOME/PATH for a JDK >= 21, or prints why not and returns 1.
careloop_use_jdk() {
    local home
    if ! home=$(careloop_find_jdk); then
        {
            echo "ERROR: no JDK >= ${CARELOOP_MIN_JAVA} found."
            if [[ -n ${JAVA_HOME:-} ]]; then
                echo "  JAVA_HOME=$JAVA_HOME is $(careloop_java_major "$JAVA_HOME/bin/java" 2>/dev/null || echo 'not a JDK')."
            fi
            echo "  Searched JAVA_HOME, /usr/lib/jvm, /usr/java, /opt, ~/.sdkman, ~/.jdks."
            echo "  Install one (e.g. 'apt-get install openjdk-21-jdk' or a Temurin 21/25 package) or"
            echo "  point JAVA_HOME at it."
        } >&2
        return 1
    fi
    export JAVA_HOME=$home
    case ":$PATH:" in
        "$JAVA_HOME/bin:"*) ;;
        *) export PATH="$JAVA_HOME/bin:$PATH" ;;
    esac
    return 0
}
