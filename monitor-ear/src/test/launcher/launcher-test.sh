#!/usr/bin/env bash
# Tests launch-monitor-server.sh through its dry-run hook
# (MONITOR_LAUNCHER_DRY_RUN=1), so no WildFly is needed.
# Prints PASS/FAIL per case; exits non-zero if any case fails.
set -uo pipefail   # no -e: failing launcher runs are what we test

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bin=$(cd "$here/../../main/server-content/bin" && pwd)
launcher=$bin/launch-monitor-server.sh
standalone=$bin/standalone.sh

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Run from a temp dir: relative sqlite paths resolve against it.
mkdir "$tmp/cwd"
cd "$tmp/cwd" || exit 1
cwd=$PWD

passed=0 failed=0
case_name='' case_errors=''
out='' err='' rc=0

begin() { case_name=$1; case_errors=''; }

# launch [VAR=value...] [launcher args...]: runs the launcher with a clean
# MONITOR_* environment; sets $out, $err, $rc.
launch() {
    local env_args=()
    while [[ $# -gt 0 && $1 == *=* && $1 != -* ]]; do env_args+=("$1"); shift; done
    rc=0
    env -u MONITOR_SERVER_DATABASE_URI -u MONITOR_DB_DRIVER -u MONITOR_DB_URL \
        -u MONITOR_DB_USER -u MONITOR_DB_PASSWORD -u MONITOR_SERVER_PORT \
        MONITOR_LAUNCHER_DRY_RUN=1 ${env_args[@]+"${env_args[@]}"} \
        "$launcher" "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
    out=$(cat "$tmp/out")
    err=$(cat "$tmp/err")
}

fail() { case_errors+="    $1"$'\n'; }

expect_rc() { [[ $rc == "$1" ]] || fail "exit status: want $1, got $rc"; }

# expect_out LINE...: stdout must be exactly these lines.
expect_out() {
    local want
    want=$(printf '%s\n' "$@")
    [[ $out == "$want" ]] ||
        fail "stdout differs:"$'\n'"$(diff <(printf '%s\n' "$want") <(printf '%s\n' "$out") | sed 's/^/      /')"
}

# expect_err_line LINE: stderr must contain exactly this line.
expect_err_line() {
    grep -qxF -- "$1" <<<"$err" || fail "stderr lacks line: $1"$'\n'"      stderr was: $err"
}

expect_err_lacks() {
    if grep -qF -- "$1" <<<"$err"; then fail "stderr contains '$1'"; fi
}

expect_out_has_line() {
    grep -qxF -- "$1" <<<"$out" || fail "stdout lacks line: $1"
}

end() {
    if [[ -z $case_errors ]]; then
        passed=$((passed + 1)); printf 'PASS  %s\n' "$case_name"
    else
        failed=$((failed + 1)); printf 'FAIL  %s\n%s' "$case_name" "$case_errors"
    fi
}

# --- no URI --------------------------------------------------------------------
begin 'no URI: nothing set, nothing added'
launch
expect_rc 0
expect_out "EXEC $standalone"
expect_err_line 'Monitor Server: database default (embedded H2), port default (8181 or MONITOR_SERVER_PORT)'
end

begin 'empty URI counts as unset'
launch MONITOR_SERVER_DATABASE_URI=
expect_rc 0
expect_out "EXEC $standalone"
end

begin 'no URI: MONITOR_DB_* from the environment are left alone'
launch MONITOR_DB_DRIVER=postgresql 'MONITOR_DB_URL=jdbc:postgresql://h/db?password=secret'
expect_rc 0
expect_out 'MONITOR_DB_DRIVER=postgresql' 'MONITOR_DB_URL=jdbc:postgresql://h/db?password=secret' "EXEC $standalone"
expect_err_line 'Monitor Server: database postgresql jdbc:postgresql://h/db?password=***, port default (8181 or MONITOR_SERVER_PORT)'
expect_err_lacks secret
end

# --- sqlite ----------------------------------------------------------------------
begin 'sqlite relative path'
launch MONITOR_SERVER_DATABASE_URI=sqlite:///data/monitor.db
expect_rc 0
expect_out 'MONITOR_DB_DRIVER=h2' "MONITOR_DB_URL=jdbc:h2:file:$cwd/data/monitor.db;DB_CLOSE_ON_EXIT=FALSE" \
    'MONITOR_DB_USER=sa' 'MONITOR_DB_PASSWORD=sa' "EXEC $standalone"
expect_err_line "Monitor Server: database h2 jdbc:h2:file:$cwd/data/monitor.db;DB_CLOSE_ON_EXIT=FALSE, port default (8181 or MONITOR_SERVER_PORT)"
end

begin 'sqlite relative path with ./'
launch MONITOR_SERVER_DATABASE_URI=sqlite:///./monitor.db
expect_rc 0
expect_out_has_line "MONITOR_DB_URL=jdbc:h2:file:$cwd/monitor.db;DB_CLOSE_ON_EXIT=FALSE"
end

begin 'sqlite absolute path'
launch MONITOR_SERVER_DATABASE_URI=sqlite:////var/lib/monitor/monitor.db
expect_rc 0
expect_out 'MONITOR_DB_DRIVER=h2' 'MONITOR_DB_URL=jdbc:h2:file:/var/lib/monitor/monitor.db;DB_CLOSE_ON_EXIT=FALSE' \
    'MONITOR_DB_USER=sa' 'MONITOR_DB_PASSWORD=sa' "EXEC $standalone"
end

for uri in sqlite:// sqlite:///; do
    begin "sqlite empty path ($uri): exit 2"
    launch MONITOR_SERVER_DATABASE_URI=$uri
    expect_rc 2
    expect_out
    expect_err_line "launch-monitor-server.sh: MONITOR_SERVER_DATABASE_URI '$uri' has no database path; use sqlite:///<path>"
    end
done

# --- postgresql ------------------------------------------------------------------
begin 'postgresql user:pass, host, port, db'
launch MONITOR_SERVER_DATABASE_URI=postgresql://monitor:secret@db.example.com:5433/monitordb
expect_rc 0
expect_out 'MONITOR_DB_DRIVER=postgresql' 'MONITOR_DB_URL=jdbc:postgresql://db.example.com:5433/monitordb' \
    'MONITOR_DB_USER=monitor' 'MONITOR_DB_PASSWORD=secret' "EXEC $standalone"
expect_err_line 'Monitor Server: database postgresql jdbc:postgresql://db.example.com:5433/monitordb, port default (8181 or MONITOR_SERVER_PORT)'
expect_err_lacks secret
end

begin 'postgresql percent-encoded user and password'
launch 'MONITOR_SERVER_DATABASE_URI=postgresql://mon%20itor:p%40ss%2F%3a%25@h:5432/db'
expect_rc 0
expect_out 'MONITOR_DB_DRIVER=postgresql' 'MONITOR_DB_URL=jdbc:postgresql://h:5432/db' \
    'MONITOR_DB_USER=mon itor' 'MONITOR_DB_PASSWORD=p@ss/:%' "EXEC $standalone"
end

begin 'postgresql p%40ss -> p@ss'
launch MONITOR_SERVER_DATABASE_URI=postgresql://u:p%40ss@h/db
expect_rc 0
expect_out_has_line 'MONITOR_DB_PASSWORD=p@ss'
expect_err_lacks 'p@ss'
expect_err_lacks 'p%40ss'
end

begin 'postgresql no user: postgres, empty password'
launch MONITOR_SERVER_DATABASE_URI=postgresql://h:6543/db
expect_rc 0
expect_out 'MONITOR_DB_DRIVER=postgresql' 'MONITOR_DB_URL=jdbc:postgresql://h:6543/db' \
    'MONITOR_DB_USER=postgres' "EXEC $standalone"
end

begin 'postgresql user without password'
launch MONITOR_SERVER_DATABASE_URI=postgresql://monitor@h/db
expect_rc 0
expect_out 'MONITOR_DB_DRIVER=postgresql' 'MONITOR_DB_URL=jdbc:postgresql://h:5432/db' \
    'MONITOR_DB_USER=monitor' "EXEC $standalone"
end

begin 'postgresql no port: 5432'
launch MONITOR_SERVER_DATABASE_URI=postgresql://u:pw@db.local/monitor
expect_rc 0
expect_out 'MONITOR_DB_DRIVER=postgresql' 'MONITOR_DB_URL=jdbc:postgresql://db.local:5432/monitor' \
    'MONITOR_DB_USER=u' 'MONITOR_DB_PASSWORD=pw' "EXEC $standalone"
end

begin 'postgresql query string passed through'
launch 'MONITOR_SERVER_DATABASE_URI=postgresql://u:pw@h:5432/db?sslmode=require&connect_timeout=10'
expect_rc 0
expect_out 'MONITOR_DB_DRIVER=postgresql' 'MONITOR_DB_URL=jdbc:postgresql://h:5432/db?sslmode=require&connect_timeout=10' \
    'MONITOR_DB_USER=u' 'MONITOR_DB_PASSWORD=pw' "EXEC $standalone"
end

begin 'password in query string is masked on stderr'
launch 'MONITOR_SERVER_DATABASE_URI=postgresql://h/db?user=u&password=hidden'
expect_rc 0
expect_out_has_line 'MONITOR_DB_URL=jdbc:postgresql://h:5432/db?user=u&password=hidden'
expect_err_line 'Monitor Server: database postgresql jdbc:postgresql://h:5432/db?user=u&password=***, port default (8181 or MONITOR_SERVER_PORT)'
expect_err_lacks hidden
end

for scheme in postgres postgre postgresql+psycopg2 postgresql+asyncpg; do
    begin "$scheme:// is postgresql"
    launch "MONITOR_SERVER_DATABASE_URI=$scheme://u:pw@h:1234/db"
    expect_rc 0
    expect_out 'MONITOR_DB_DRIVER=postgresql' 'MONITOR_DB_URL=jdbc:postgresql://h:1234/db' \
        'MONITOR_DB_USER=u' 'MONITOR_DB_PASSWORD=pw' "EXEC $standalone"
    end
done

# The reference's own spelling: no host (the local server), no user.
begin "postgre:///db: localhost, user postgres"
launch MONITOR_SERVER_DATABASE_URI=postgre:///monitor
expect_rc 0
expect_out 'MONITOR_DB_DRIVER=postgresql' 'MONITOR_DB_URL=jdbc:postgresql://localhost:5432/monitor' \
    'MONITOR_DB_USER=postgres' "EXEC $standalone"
end

begin 'postgresql IPv6 host'
launch 'MONITOR_SERVER_DATABASE_URI=postgresql://u:pw@[2001:db8::1]:6000/db'
expect_rc 0
expect_out 'MONITOR_DB_DRIVER=postgresql' 'MONITOR_DB_URL=jdbc:postgresql://[2001:db8::1]:6000/db' \
    'MONITOR_DB_USER=u' 'MONITOR_DB_PASSWORD=pw' "EXEC $standalone"
end

begin 'postgresql IPv6 host without port'
launch 'MONITOR_SERVER_DATABASE_URI=postgresql://[::1]/db'
expect_rc 0
expect_out_has_line 'MONITOR_DB_URL=jdbc:postgresql://[::1]:5432/db'
end

for uri in postgresql://u:secret@h:5432 postgresql://u:secret@h/ 'postgresql://u:secret@h?sslmode=require'; do
    begin "postgresql missing dbname ($uri): exit 2"
    launch "MONITOR_SERVER_DATABASE_URI=$uri"
    expect_rc 2
    expect_out
    expect_err_line "launch-monitor-server.sh: MONITOR_SERVER_DATABASE_URI '${uri/secret/***}' has no database name; use postgresql://user:pass@host:port/db"
    expect_err_lacks secret
    end
done

begin 'postgresql bad port: exit 2, password hidden'
launch MONITOR_SERVER_DATABASE_URI=postgresql://u:secret@h:99999/db
expect_rc 2
expect_err_line "launch-monitor-server.sh: MONITOR_SERVER_DATABASE_URI 'postgresql://u:***@h:99999/db' is not understood; use sqlite:///<path> or postgresql://user:pass@host:port/db"
expect_err_lacks secret
end

# --- not understood -----------------------------------------------------------------
begin 'mysql://x: exit 2'
launch MONITOR_SERVER_DATABASE_URI=mysql://x
expect_rc 2
expect_out
expect_err_line "launch-monitor-server.sh: MONITOR_SERVER_DATABASE_URI 'mysql://x' is not understood; use sqlite:///<path> or postgresql://user:pass@host:port/db"
end

begin 'mysql with password: exit 2, password not shown'
launch MONITOR_SERVER_DATABASE_URI=mysql://root:topsecret@h:3306/db
expect_rc 2
expect_out
expect_err_line "launch-monitor-server.sh: MONITOR_SERVER_DATABASE_URI 'mysql://root:***@h:3306/db' is not understood; use sqlite:///<path> or postgresql://user:pass@host:port/db"
expect_err_lacks topsecret
end

begin 'unencoded @ in password: exit 2, no part of it shown'
launch MONITOR_SERVER_DATABASE_URI=postgresql://u:top@secret@h/db
expect_rc 2
expect_err_lacks top
expect_err_lacks secret
end

begin 'no scheme: exit 2'
launch MONITOR_SERVER_DATABASE_URI=/var/lib/monitor.db
expect_rc 2
expect_err_line "launch-monitor-server.sh: MONITOR_SERVER_DATABASE_URI '/var/lib/monitor.db' is not understood; use sqlite:///<path> or postgresql://user:pass@host:port/db"
end

# --- URI vs MONITOR_DB_URL ----------------------------------------------------------
begin 'URI wins over MONITOR_DB_URL, with a note'
launch MONITOR_SERVER_DATABASE_URI=postgresql://u:pw@h/db MONITOR_DB_URL=jdbc:h2:mem:x MONITOR_DB_USER=other
expect_rc 0
expect_out 'MONITOR_DB_DRIVER=postgresql' 'MONITOR_DB_URL=jdbc:postgresql://h:5432/db' \
    'MONITOR_DB_USER=u' 'MONITOR_DB_PASSWORD=pw' "EXEC $standalone"
expect_err_line 'launch-monitor-server.sh: note: MONITOR_SERVER_DATABASE_URI overrides MONITOR_DB_URL'
end

# --- options --------------------------------------------------------------------------
begin '-p 9090'
launch -p 9090
expect_rc 0
expect_out "EXEC $standalone -Djboss.http.port=9090"
expect_err_line 'Monitor Server: database default (embedded H2), port 9090'
end

begin '-p wins over MONITOR_SERVER_PORT (it is passed as -D)'
launch MONITOR_SERVER_PORT=7000 -p 9090
expect_rc 0
expect_out "EXEC $standalone -Djboss.http.port=9090"
end

for p in abc 70000 0 -1 ''; do
    begin "-p '$p': exit 2"
    launch -p "$p"
    expect_rc 2
    expect_out
    expect_err_line "launch-monitor-server.sh: invalid port '$p' (expected 1-65535)"
    end
done

begin '-p without argument: exit 2'
launch -p
expect_rc 2
expect_out
expect_err_line 'launch-monitor-server.sh: option -p needs an argument'
end

begin 'unknown option: exit 2'
launch -x
expect_rc 2
expect_out
expect_err_line 'launch-monitor-server.sh: unknown option -x'
expect_err_line "Try 'launch-monitor-server.sh -h' for help."
end

begin '-h: exit 0, lists the variables'
launch -h
expect_rc 0
for v in MONITOR_SERVER_DATABASE_URI MONITOR_DB_DRIVER MONITOR_DB_URL MONITOR_DB_USER \
         MONITOR_DB_PASSWORD MONITOR_SERVER_PORT MONITOR_SERVER_DATA_DIR .mv.db; do
    grep -qF -- "$v" <<<"$out" || fail "usage lacks $v"
done
[[ $(head -n 1 <<<"$out") == 'Usage: launch-monitor-server.sh [-p PORT] [-h] [-- extra arguments for standalone.sh]' ]] ||
    fail "unexpected first usage line: $(head -n 1 <<<"$out")"
[[ -z $err ]] || fail "stderr not empty: $err"
end

begin 'extra args after -- passed through'
launch -p 8282 -- -b 0.0.0.0 --server-config=standalone-full.xml
expect_rc 0
expect_out "EXEC $standalone -Djboss.http.port=8282 -b 0.0.0.0 --server-config=standalone-full.xml"
end

begin 'extra args without -p'
launch -- -c standalone.xml
expect_rc 0
expect_out "EXEC $standalone -c standalone.xml"
end

begin 'works from another cwd, via a relative path'
rc=0
out=$(cd "$bin/.." && env -u MONITOR_SERVER_DATABASE_URI -u MONITOR_DB_URL -u MONITOR_DB_DRIVER \
    -u MONITOR_DB_USER -u MONITOR_DB_PASSWORD MONITOR_LAUNCHER_DRY_RUN=1 \
    bin/launch-monitor-server.sh 2>/dev/null) || rc=$?
expect_rc 0
expect_out "EXEC $standalone"
end

printf '\n%d passed, %d failed\n' "$passed" "$failed"
[[ $failed -eq 0 ]]
