#!/usr/bin/env bash
# Starts the Monitor Server (WildFly standalone.sh in this directory).
#
# The server configuration reads MONITOR_DB_DRIVER, MONITOR_DB_URL,
# MONITOR_DB_USER, MONITOR_DB_PASSWORD, MONITOR_SERVER_PORT and
# MONITOR_SERVER_DATA_DIR itself, with its own defaults. This script only
# translates what the server cannot read directly:
#   -p PORT                      -> -Djboss.http.port=PORT
#   MONITOR_SERVER_DATABASE_URI  -> MONITOR_DB_* (the reference product's
#                                   SQLAlchemy-style database URI)
#   MONITOR_SERVER_CERTIFICATE   -> a PKCS#12 key store in the data folder and
#                                   MONITOR_SERVER_HTTPS_* (HTTPS listener on)
#   MONITOR_SERVER_WORKERS       -> checked; unset: WildFly's default, 16 per core
#   MONITOR_SERVER_ENV           -> checked and exported as prod or dev
#   MONITOR_SERVER_CONFIG_DIR    -> the configuration folder (jboss.server.config.dir),
#                                   seeded from this server's and brought up to date
#                                   with monitor-config.cli at each start
# so that defaults live in one place (standalone.xml).
#
# Testing hook: with MONITOR_LAUNCHER_DRY_RUN=1 nothing is started; the
# MONITOR_DB_* variables that are set, the settings derived here and the
# standalone.sh command line ("EXEC <path> <args...>") are printed on stdout
# instead (this includes the database password, so use it only in tests; the
# key store's password is never printed). The certificate is checked as in a
# real start, and its key store written to a temporary folder and deleted.
set -euo pipefail

# Fixed name: messages stay the same however the script is invoked.
readonly prog=launch-monitor-server.sh
bin_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

usage() {
    cat <<USAGE
Usage: $prog [-p PORT] [-h] [-- extra arguments for standalone.sh]

  -p PORT   HTTP port (1-65535); overrides MONITOR_SERVER_PORT
  -h        show this help

Environment (read by the server itself unless noted):
  MONITOR_SERVER_DATABASE_URI  database as a URI, translated by this script
                               into the MONITOR_DB_* variables (and wins over
                               them); one of
                                 sqlite:///relative/path  (relative to the
                                                          current directory)
                                 sqlite:////absolute/path
                                   -> embedded H2; H2 stores the file as
                                      <path>.mv.db
                                 postgresql://user:pass@host:port/db[?query]
                                   (also postgres://, postgresql+driver://;
                                   user and password may be percent-encoded)
  MONITOR_DB_DRIVER            h2 or postgresql
  MONITOR_DB_URL               JDBC URL
  MONITOR_DB_USER              database user
  MONITOR_DB_PASSWORD          database password
  MONITOR_SERVER_PORT          HTTP port (default 8181)
  MONITOR_SERVER_DATA_DIR      folder of the embedded H2 database
                               (default ./monitor-data)
  MONITOR_SERVER_BIND_ADDRESS  HTTP interface (default 0.0.0.0)
  MONITOR_DB_POOL_MAX          most database connections (default 20)
  MONITOR_SERVER_LOGDIR        folder of server.log
  MONITOR_SERVER_PAGINATION_COUNT  rows per page (default 500)
  MONITOR_SERVER_MAX_BODY_BYTES    largest POST body (default 1048576)
  MONITOR_SERVER_MAX_BULK_BYTES    largest bulk POST body (default 67108864)
  MONITOR_SERVER_CERTIFICATE   HTTPS, checked and converted by this script;
                               either CERT.pem,KEY.pem (PEM files, either
                               order: their content tells them apart; keys
                               PKCS#8, PKCS#1 RSA or SEC1 EC, unencrypted)
                               or one PKCS#12 file (.p12/.pfx); needs a JDK
  MONITOR_SERVER_CERTIFICATE_PASSWORD  password of that PKCS#12 file
                               (default empty)
  MONITOR_SERVER_HTTPS_PORT    HTTPS port (default 8443; -Djboss.https.port
                               after -- wins); HTTP stays on
  MONITOR_SERVER_WORKERS       request worker threads, a positive integer
                               (default WildFly's: 16 per core, here $((16 * $(cpu_count))))
  MONITOR_SERVER_ENV           prod/production or dev/devel/development, any
                               case (default prod); exported as prod or dev
  MONITOR_SERVER_CONFIG_DIR    folder of standalone.xml and the management
                               users, outside target/ so that console changes
                               survive rebuilds; the first start copies this
                               server's configuration there (this script)
See docs/configuration.md.
USAGE
}

die() { # message, exit status
    printf '%s: %s\n' "$prog" "$1" >&2
    exit "${2:-2}"
}

# Percent-decoding without external tools, into variable $1 (not via $(...),
# which would drop trailing newlines). Invalid escapes are kept as-is.
pct_decode_to() {
    local s=$2 out='' ch
    while [[ $s == *%* ]]; do
        out+=${s%%%*}
        s=${s#*%}
        if [[ $s =~ ^[0-9A-Fa-f]{2} ]]; then
            printf -v ch '%b' "\\x${s:0:2}"
            out+=$ch
            s=${s:2}
        else
            out+=%
        fi
    done
    printf -v "$1" '%s' "$out$s"
}

# Hides secrets in a URI or JDBC URL before it is shown to anybody:
# the password of user:password@ and the value of any *password= parameter.
# Errs on the side of hiding too much (up to the last '@').
mask_secrets() {
    local s=$1 prefix='' user after tail=''
    local re='^(.*[Pp][Aa][Ss][Ss][Ww][Oo][Rr][Dd])=([^&;]*)(.*)$'
    if [[ $s == *://* ]]; then
        prefix=${s%%://*}://
        s=${s#*://}
    fi
    user=${s%%[:/]*}
    if [[ $s == "$user:"* ]]; then
        after=${s#"$user:"}
        if [[ $after == *@* ]]; then
            s="$user:***@${after##*@}"
        fi
    fi
    s=$prefix$s
    # Right to left; each round shortens s, so this terminates.
    while [[ $s =~ $re ]]; do
        tail="=***${BASH_REMATCH[3]}$tail"
        s=${BASH_REMATCH[1]}
    done
    printf '%s' "$s$tail"
}

not_understood() {
    die "MONITOR_SERVER_DATABASE_URI '$(mask_secrets "$uri")' is not understood; use sqlite:///<path> or postgresql://user:pass@host:port/db"
}

valid_port() {
    [[ $1 =~ ^[1-9][0-9]{0,4}$ ]] && (( $1 <= 65535 ))
}

# The cores WildFly sizes its worker from; nproc counts those this process may
# use (affinity), as the JVM does (it also honours container CPU limits).
cpu_count() {
    nproc 2>/dev/null || getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1
}

# MONITOR_SERVER_WORKERS feeds the I/O worker's task-max-threads (an int):
# check it here, where the message can name it; unset, export WildFly's own
# default so that it stays the default.
set_workers() {
    local workers=${MONITOR_SERVER_WORKERS:-}
    if [[ -z $workers ]]; then
        workers=$((16 * $(cpu_count)))
    elif ! [[ $workers =~ ^[1-9][0-9]{0,9}$ ]] || (( workers > 2147483647 )); then
        die "invalid MONITOR_SERVER_WORKERS '$workers' (expected a positive integer, the most request worker threads)"
    fi
    export MONITOR_SERVER_WORKERS=$workers
}

# The reference's environments, any case; exported in one spelling so that
# the application compares with one word.
set_environment() {
    local given=${MONITOR_SERVER_ENV:-prod}
    case ${given,,} in
        prod | production) export MONITOR_SERVER_ENV=prod ;;
        dev | devel | development) export MONITOR_SERVER_ENV=dev ;;
        *) die "MONITOR_SERVER_ENV '$given' is not understood; use prod, production, dev, devel or development (any case)" ;;
    esac
}

# The java that standalone.sh will use: $JAVA_HOME/bin/java, else the PATH's.
find_java() {
    if [[ -n ${JAVA_HOME:-} ]]; then
        [[ -x $JAVA_HOME/bin/java ]] ||
            die "MONITOR_SERVER_CERTIFICATE needs java to read the certificate; JAVA_HOME is $JAVA_HOME but has no bin/java"
        printf '%s' "$JAVA_HOME/bin/java"
    else
        command -v java ||
            die "MONITOR_SERVER_CERTIFICATE needs java to read the certificate; set JAVA_HOME or put java on the PATH"
    fi
}

# The HTTPS port the server will use, for the summary: -Djboss.https.port
# among the extra arguments wins, as it does in standalone.xml, and a
# -Djboss.socket.binding.port-offset is added.
https_port_of() {
    local arg found=${MONITOR_SERVER_HTTPS_PORT:-8443} offset=0
    for arg in "$@"; do
        case $arg in
            -Djboss.https.port=*) found=${arg#-Djboss.https.port=} ;;
            -Djboss.socket.binding.port-offset=*) offset=${arg#-Djboss.socket.binding.port-offset=} ;;
        esac
    done
    if [[ $found =~ ^[0-9]+$ && $offset =~ ^[0-9]+$ ]]; then found=$((found + offset)); fi
    printf '%s' "$found"
}

# MONITOR_SERVER_CERTIFICATE (CERT,KEY in either order, or one PKCS#12 file):
# MonitorCertificate.java checks the files and writes them into a PKCS#12 key
# store with a fresh random password; https.cli's listener reads it through
# MONITOR_SERVER_HTTPS_*. Every problem stops the launch here, before WildFly
# starts, with a message that names the file.
set_https() {
    local setting=$1 keystore=$2 file java described error error_file
    local -a files=()
    IFS=, read -r -a files <<<"$setting"
    if (( ${#files[@]} < 1 || ${#files[@]} > 2 )) || [[ $setting == *, || $setting == ,* ]]; then
        die "MONITOR_SERVER_CERTIFICATE '$setting' is not understood; use /path/cert.pem,/path/key.pem or /path/server.p12"
    fi
    for file in "${files[@]}"; do
        [[ -n $file ]] ||
            die "MONITOR_SERVER_CERTIFICATE '$setting' is not understood; use /path/cert.pem,/path/key.pem or /path/server.p12"
        [[ -e $file ]] || die "MONITOR_SERVER_CERTIFICATE: $file does not exist"
        [[ -f $file ]] || die "MONITOR_SERVER_CERTIFICATE: $file is not a file"
        [[ -r $file ]] || die "MONITOR_SERVER_CERTIFICATE: $file cannot be read (permission denied)"
    done
    java=$(find_java)
    # 192 random bits; the key store file is 0600 as well.
    MONITOR_SERVER_HTTPS_KEYSTORE_PASSWORD=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
    export MONITOR_SERVER_HTTPS_KEYSTORE_PASSWORD
    error_file=$(mktemp)
    # A short-lived tool: the quick JIT and the simple collector start it sooner.
    if ! described=$("$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC "$bin_dir/MonitorCertificate.java" \
        "$keystore" "${files[@]}" 2>"$error_file"); then
        error=$(<"$error_file")
        rm -f "$error_file"
        die "MONITOR_SERVER_CERTIFICATE: ${error:-$java failed to run MonitorCertificate.java}"
    fi
    rm -f "$error_file"
    export MONITOR_SERVER_HTTPS_ENABLED=true
    https_desc=$described
}

# sqlite:///rel/x.db is relative to the cwd, sqlite:////abs/x.db absolute
# (SQLAlchemy's rules); both become an embedded H2 file database.
translate_sqlite() {
    local rest=$1 path
    [[ -z $rest || $rest == / ]] &&
        die "MONITOR_SERVER_DATABASE_URI '$uri' has no database path; use sqlite:///<path>"
    [[ $rest == /* ]] || not_understood
    path=${rest#/}
    [[ $path == :memory: ]] &&
        die "MONITOR_SERVER_DATABASE_URI '$uri': in-memory databases are not supported; use sqlite:///<path>"
    # '?' would end up in the file name, ';' would break the H2 URL.
    [[ $path == *[\;?]* ]] && not_understood
    if [[ $path != /* ]]; then
        while [[ $path == ./* ]]; do path=${path#./}; done
        path=$PWD/$path
    fi
    export MONITOR_DB_DRIVER=h2
    export MONITOR_DB_URL="jdbc:h2:file:$path;DB_CLOSE_ON_EXIT=FALSE"
    export MONITOR_DB_USER=sa
    export MONITOR_DB_PASSWORD=sa
}

# [user[:password]@]host[:port]/dbname[?query], split the way SQLAlchemy
# does: the user ends at the first ':' or '/', the password at the first '@'.
translate_postgresql() {
    local rest=$1 user='' password='' host port=5432 db query='' u0 after
    u0=${rest%%[:/]*}
    after=${rest#"$u0"}
    if [[ $after == :* && ${after#:} == *@* ]]; then
        user=$u0
        after=${after#:}
        password=${after%%@*}
        rest=${after#*@}
    elif [[ $u0 == *@* ]]; then
        user=${u0%@*}
        rest=${rest#"$user"@}
    fi
    if [[ $rest == \[* ]]; then
        [[ $rest =~ ^(\[[^]/?]+\])(.*)$ ]] || not_understood
        host=${BASH_REMATCH[1]}
        rest=${BASH_REMATCH[2]}
    else
        host=${rest%%[/:?]*}
        rest=${rest#"$host"}
        # An '@' here means an unencoded '@' in the password.
        [[ $host == *@* ]] && not_understood
    fi
    # Like libpq/pgjdbc without a host.
    [[ -n $host ]] || host=localhost
    if [[ $rest == :* ]]; then
        rest=${rest#:}
        port=${rest%%[/?]*}
        rest=${rest#"$port"}
        port=${port:-5432}
        valid_port "$port" || not_understood
    fi
    if [[ $rest == /* ]]; then
        rest=${rest#/}
        db=${rest%%\?*}
        rest=${rest#"$db"}
    else
        db=''
    fi
    if [[ $rest == \?* ]]; then
        query=${rest#\?}
        rest=''
    fi
    [[ -z $rest ]] || not_understood
    [[ -n $db ]] ||
        die "MONITOR_SERVER_DATABASE_URI '$(mask_secrets "$uri")' has no database name; use postgresql://user:pass@host:port/db"

    export MONITOR_DB_DRIVER=postgresql
    export MONITOR_DB_URL="jdbc:postgresql://$host:$port/$db${query:+?$query}"
    pct_decode_to MONITOR_DB_USER "${user:-postgres}"
    pct_decode_to MONITOR_DB_PASSWORD "$password"
    export MONITOR_DB_USER MONITOR_DB_PASSWORD
    # WildFly refuses an empty datasource password; without one, leave the server's default (a password-less
    # login such as trust or peer authentication ignores it).
    [[ -n $MONITOR_DB_PASSWORD ]] || unset MONITOR_DB_PASSWORD
}

# --- options -----------------------------------------------------------------
port=''
while getopts ':p:h' opt; do
    case $opt in
        p) valid_port "$OPTARG" || die "invalid port '$OPTARG' (expected 1-65535)"
           port=$OPTARG ;;
        h) usage; exit 0 ;;
        :) printf '%s: option -%s needs an argument\n' "$prog" "$OPTARG" >&2
           printf "Try '%s -h' for help.\n" "$prog" >&2
           exit 2 ;;
        *) printf '%s: unknown option -%s\n' "$prog" "$OPTARG" >&2
           printf "Try '%s -h' for help.\n" "$prog" >&2
           exit 2 ;;
    esac
done
shift $((OPTIND - 1))   # getopts also consumes the '--'

# --- database URI --------------------------------------------------------------
uri=${MONITOR_SERVER_DATABASE_URI:-}
if [[ -n $uri ]]; then
    had_db_url=${MONITOR_DB_URL:-}
    [[ $uri =~ ^([A-Za-z0-9_+]+)://(.*)$ ]] || not_understood
    scheme=${BASH_REMATCH[1]}
    rest=${BASH_REMATCH[2]}
    case $scheme in
        sqlite | sqlite+*) translate_sqlite "$rest" ;;
        postgresql | postgres | postgre | postgresql+*) translate_postgresql "$rest" ;;
        *) not_understood ;;
    esac
    if [[ -n $had_db_url ]]; then
        printf '%s: note: MONITOR_SERVER_DATABASE_URI overrides MONITOR_DB_URL\n' "$prog" >&2
    fi
fi

# --- workers, environment, HTTPS ---------------------------------------------------
set_workers
set_environment
if [[ -n ${MONITOR_SERVER_HTTPS_PORT:-} ]] && ! valid_port "$MONITOR_SERVER_HTTPS_PORT"; then
    die "invalid MONITOR_SERVER_HTTPS_PORT '$MONITOR_SERVER_HTTPS_PORT' (expected 1-65535)"
fi
https_desc=''
# In the server's data folder (jboss.server.data.dir, where standalone.sh puts it).
keystore=${JBOSS_BASE_DIR:-$(cd "$bin_dir/.." && pwd)/standalone}/data/monitor-tls/server.p12
if [[ -n ${MONITOR_SERVER_CERTIFICATE:-} ]]; then
    export MONITOR_SERVER_HTTPS_KEYSTORE=$keystore
    if [[ ${MONITOR_LAUNCHER_DRY_RUN:-} == 1 ]]; then
        dry_run_dir=$(mktemp -d)
        trap 'rm -rf "$dry_run_dir"' EXIT
        keystore=$dry_run_dir/server.p12
    fi
    set_https "$MONITOR_SERVER_CERTIFICATE" "$keystore"
elif [[ ${MONITOR_LAUNCHER_DRY_RUN:-} != 1 ]]; then
    # HTTPS is off: no copy of a private key is left behind from an earlier start.
    rm -f "$keystore"
fi

# --- configuration folder ----------------------------------------------------------
# MONITOR_SERVER_CONFIG_DIR keeps standalone.xml and the management users outside target/, so that what an admin
# changes with the console or jboss-cli survives rebuilds. The first start copies this server's configuration
# there. Every start then applies monitor-config.cli to it in an embedded server: the script adds what this build
# needs and is missing (a setting, a subsystem, a driver) and leaves every existing entry as the admin left it.
config_dir=''
if [[ -n ${MONITOR_SERVER_CONFIG_DIR:-} ]]; then
    config_dir=$MONITOR_SERVER_CONFIG_DIR
    provisioned=$(cd "$bin_dir/.." && pwd)/standalone/configuration
    if [[ ${MONITOR_LAUNCHER_DRY_RUN:-} != 1 ]]; then
        mkdir -p "$config_dir" || die "MONITOR_SERVER_CONFIG_DIR: cannot create $config_dir"
        config_dir=$(cd "$config_dir" && pwd)
        [[ $config_dir != "$provisioned" ]] || die "MONITOR_SERVER_CONFIG_DIR: $config_dir is the server's own configuration folder"
        if [[ ! -e $config_dir/standalone.xml ]]; then
            cp -R "$provisioned/." "$config_dir/" || die "MONITOR_SERVER_CONFIG_DIR: cannot copy the configuration into $config_dir"
            printf 'Monitor Server: configuration copied into %s\n' "$config_dir" >&2
        fi
        [[ -w $config_dir/standalone.xml ]] || die "MONITOR_SERVER_CONFIG_DIR: $config_dir/standalone.xml is not writable"
        update_log=$config_dir/monitor-config.log
        update_script=$(mktemp)
        { echo 'embed-server --std-out=discard --server-config=standalone.xml'
          cat "$bin_dir/monitor-config.cli"
          echo 'stop-embedded-server'; } > "$update_script"
        if ! JAVA_OPTS="${JAVA_OPTS:-} -Djboss.server.config.dir=$config_dir -Dmonitor.modules.dir=$bin_dir/../modules" \
                "$bin_dir/jboss-cli.sh" --file="$update_script" --properties="$bin_dir/provisioning.properties" \
                --resolve-parameter-values > "$update_log" 2>&1; then
            rm -f "$update_script"
            die "MONITOR_SERVER_CONFIG_DIR: could not bring $config_dir/standalone.xml up to date; see $update_log"
        fi
        rm -f "$update_script"
    fi
fi

# --- start -----------------------------------------------------------------------
args=()
if [[ -n $port ]]; then args+=("-Djboss.http.port=$port"); fi
if [[ -n $config_dir ]]; then args+=("-Djboss.server.config.dir=$config_dir"); fi
args+=("$@")

if [[ -z ${MONITOR_DB_URL:-} && -z ${MONITOR_DB_DRIVER:-} ]]; then
    db_desc='default (embedded H2)'
else
    db_desc="${MONITOR_DB_DRIVER:-(default driver)} $(mask_secrets "${MONITOR_DB_URL:-(default URL)}")"
fi
printf 'Monitor Server: database %s, port %s\n' "$db_desc" \
    "${port:-default (8181 or MONITOR_SERVER_PORT)}" >&2
printf 'Monitor Server: environment %s, %s worker threads\n' "$MONITOR_SERVER_ENV" "$MONITOR_SERVER_WORKERS" >&2
if [[ -n $config_dir ]]; then
    printf 'Monitor Server: configuration in %s\n' "$config_dir" >&2
fi
if [[ -n $https_desc ]]; then
    printf 'Monitor Server: HTTPS on port %s: %s\n' "$(https_port_of ${args[@]+"${args[@]}"})" "$https_desc" >&2
fi

standalone=$bin_dir/standalone.sh
if [[ ${MONITOR_LAUNCHER_DRY_RUN:-} == 1 ]]; then
    for name in MONITOR_DB_DRIVER MONITOR_DB_URL MONITOR_DB_USER MONITOR_DB_PASSWORD \
                MONITOR_SERVER_ENV MONITOR_SERVER_WORKERS MONITOR_SERVER_HTTPS_ENABLED MONITOR_SERVER_HTTPS_KEYSTORE; do
        if [[ -n ${!name+set} ]]; then printf '%s=%s\n' "$name" "${!name}"; fi
    done
    if [[ -n ${MONITOR_SERVER_HTTPS_KEYSTORE_PASSWORD+set} ]]; then
        printf 'MONITOR_SERVER_HTTPS_KEYSTORE_PASSWORD=(set, not shown)\n'
    fi
    # ${a[@]+...}: empty arrays are "unbound" under set -u in bash < 4.4.
    line="EXEC $standalone"
    for arg in ${args[@]+"${args[@]}"}; do line+=" $arg"; done
    printf '%s\n' "$line"
    exit 0
fi

[[ -x $standalone ]] || die "$standalone not found; run this script from the provisioned server's bin folder" 1
exec "$standalone" ${args[@]+"${args[@]}"}
