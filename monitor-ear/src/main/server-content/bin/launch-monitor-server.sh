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
# so that defaults live in one place (standalone.xml).
#
# Testing hook: with MONITOR_LAUNCHER_DRY_RUN=1 nothing is started; the
# MONITOR_DB_* variables that are set and the standalone.sh command line
# ("EXEC <path> <args...>") are printed on stdout instead (this includes the
# password, so use it only in tests).
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

# --- start -----------------------------------------------------------------------
args=()
if [[ -n $port ]]; then args+=("-Djboss.http.port=$port"); fi
args+=("$@")

if [[ -z ${MONITOR_DB_URL:-} && -z ${MONITOR_DB_DRIVER:-} ]]; then
    db_desc='default (embedded H2)'
else
    db_desc="${MONITOR_DB_DRIVER:-(default driver)} $(mask_secrets "${MONITOR_DB_URL:-(default URL)}")"
fi
printf 'Monitor Server: database %s, port %s\n' "$db_desc" \
    "${port:-default (8181 or MONITOR_SERVER_PORT)}" >&2

standalone=$bin_dir/standalone.sh
if [[ ${MONITOR_LAUNCHER_DRY_RUN:-} == 1 ]]; then
    for name in MONITOR_DB_DRIVER MONITOR_DB_URL MONITOR_DB_USER MONITOR_DB_PASSWORD; do
        if [[ -n ${!name+set} ]]; then printf '%s=%s\n' "$name" "${!name}"; fi
    done
    # ${a[@]+...}: empty arrays are "unbound" under set -u in bash < 4.4.
    line="EXEC $standalone"
    for arg in ${args[@]+"${args[@]}"}; do line+=" $arg"; done
    printf '%s\n' "$line"
    exit 0
fi

[[ -x $standalone ]] || die "$standalone not found; run this script from the provisioned server's bin folder" 1
exec "$standalone" ${args[@]+"${args[@]}"}
