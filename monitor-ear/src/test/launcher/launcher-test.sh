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

passed=0 failed=0 skipped=0
case_name='' case_errors=''
out='' err='' rc=0 settings=''

begin() { case_name=$1; case_errors=''; }

# launch [VAR=value...] [launcher args...]: runs the launcher with a clean
# MONITOR_* environment; sets $out, $err, $rc. The MONITOR_SERVER_ENV and
# MONITOR_SERVER_WORKERS lines, which every start prints, go to $settings
# instead of $out, so that the other cases compare only what they are about.
launch() {
    local env_args=()
    while [[ $# -gt 0 && $1 == *=* && $1 != -* ]]; do env_args+=("$1"); shift; done
    rc=0
    env -u MONITOR_SERVER_DATABASE_URI -u MONITOR_DB_DRIVER -u MONITOR_DB_URL \
        -u MONITOR_DB_USER -u MONITOR_DB_PASSWORD -u MONITOR_SERVER_PORT \
        -u MONITOR_SERVER_ENV -u MONITOR_SERVER_WORKERS -u MONITOR_SERVER_CERTIFICATE \
        -u MONITOR_SERVER_CERTIFICATE_PASSWORD -u MONITOR_SERVER_HTTPS_PORT -u MONITOR_SERVER_HTTPS_ENABLED \
        -u MONITOR_SERVER_HTTPS_KEYSTORE -u MONITOR_SERVER_HTTPS_KEYSTORE_PASSWORD -u MONITOR_SERVER_CONFIG_DIR \
        MONITOR_LAUNCHER_DRY_RUN=1 ${env_args[@]+"${env_args[@]}"} \
        "$launcher" "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
    out=$(grep -vE '^MONITOR_SERVER_(ENV|WORKERS)=' "$tmp/out")
    settings=$(grep -E '^MONITOR_SERVER_(ENV|WORKERS)=' "$tmp/out")
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

expect_out_lacks() {
    if grep -qF -- "$1" <<<"$out"; then fail "stdout contains '$1'"; fi
}

# expect_settings ENV WORKERS: the MONITOR_SERVER_ENV and _WORKERS lines.
expect_settings() {
    local want
    want=$(printf 'MONITOR_SERVER_ENV=%s\nMONITOR_SERVER_WORKERS=%s' "$1" "$2")
    [[ $settings == "$want" ]] || fail "settings: want $(tr '\n' ' ' <<<"$want"), got $(tr '\n' ' ' <<<"$settings")"
}

# expect_err_match ERE: some stderr line must match this extended regex whole.
expect_err_match() {
    grep -qxE -- "$1" <<<"$err" || fail "no stderr line matches: $1"$'\n'"      stderr was: $err"
}

skip() {
    skipped=$((skipped + 1)); printf 'SKIP  %s\n' "$1"
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

# --- configuration folder ----------------------------------------------------------
begin 'MONITOR_SERVER_CONFIG_DIR: the server reads its configuration there'
launch MONITOR_SERVER_CONFIG_DIR=/etc/monitor-server
expect_rc 0
expect_out "EXEC $standalone -Djboss.server.config.dir=/etc/monitor-server"
expect_err_line 'Monitor Server: configuration in /etc/monitor-server'
end

begin 'MONITOR_SERVER_CONFIG_DIR with -p and extra arguments: all kept, in order'
launch MONITOR_SERVER_CONFIG_DIR=/etc/monitor-server -p 9000 -- -Dx=y
expect_rc 0
expect_out "EXEC $standalone -Djboss.http.port=9000 -Djboss.server.config.dir=/etc/monitor-server -Dx=y"
end

begin 'MONITOR_SERVER_CONFIG_DIR empty counts as unset'
launch MONITOR_SERVER_CONFIG_DIR=
expect_rc 0
expect_out "EXEC $standalone"
expect_err_lacks 'configuration in'
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
         MONITOR_DB_PASSWORD MONITOR_SERVER_PORT MONITOR_SERVER_DATA_DIR .mv.db \
         MONITOR_SERVER_CERTIFICATE MONITOR_SERVER_CERTIFICATE_PASSWORD MONITOR_SERVER_HTTPS_PORT \
         MONITOR_SERVER_WORKERS MONITOR_SERVER_ENV; do
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
    -u MONITOR_DB_USER -u MONITOR_DB_PASSWORD -u MONITOR_SERVER_ENV -u MONITOR_SERVER_WORKERS \
    -u MONITOR_SERVER_CERTIFICATE MONITOR_LAUNCHER_DRY_RUN=1 \
    bin/launch-monitor-server.sh 2>/dev/null) || rc=$?
out=$(grep -vE '^MONITOR_SERVER_(ENV|WORKERS)=' <<<"$out")
expect_rc 0
expect_out "EXEC $standalone"
end

# --- MONITOR_SERVER_WORKERS --------------------------------------------------------------
default_workers=$((16 * $(nproc)))

begin "workers: unset -> WildFly's default, 16 per core ($default_workers)"
launch
expect_rc 0
expect_settings prod "$default_workers"
expect_err_line "Monitor Server: environment prod, $default_workers worker threads"
end

begin 'workers: empty counts as unset'
launch MONITOR_SERVER_WORKERS=
expect_rc 0
expect_settings prod "$default_workers"
end

begin 'workers: 64 passed on'
launch MONITOR_SERVER_WORKERS=64
expect_rc 0
expect_settings prod 64
expect_err_line 'Monitor Server: environment prod, 64 worker threads'
end

for workers in 0 -4 abc 12x 08 ' 8' 2147483648 99999999999; do
    begin "workers: '$workers': exit 2"
    launch "MONITOR_SERVER_WORKERS=$workers"
    expect_rc 2
    expect_out
    expect_err_line "launch-monitor-server.sh: invalid MONITOR_SERVER_WORKERS '$workers' (expected a positive integer, the most request worker threads)"
    end
done

# --- MONITOR_SERVER_ENV -------------------------------------------------------------------
for given in prod PROD Production production; do
    begin "env: '$given' -> prod"
    launch "MONITOR_SERVER_ENV=$given"
    expect_rc 0
    expect_settings prod "$default_workers"
    end
done

for given in dev DEV devel Devel development DEVELOPMENT; do
    begin "env: '$given' -> dev"
    launch "MONITOR_SERVER_ENV=$given"
    expect_rc 0
    expect_settings dev "$default_workers"
    expect_err_line "Monitor Server: environment dev, $default_workers worker threads"
    end
done

begin 'env: unset and empty -> prod'
launch MONITOR_SERVER_ENV=
expect_rc 0
expect_settings prod "$default_workers"
end

for given in staging test 'dev ' prod,dev; do
    begin "env: '$given': exit 2, lists the accepted values"
    launch "MONITOR_SERVER_ENV=$given"
    expect_rc 2
    expect_out
    expect_err_line "launch-monitor-server.sh: MONITOR_SERVER_ENV '$given' is not understood; use prod, production, dev, devel or development (any case)"
    end
done

# --- HTTPS ----------------------------------------------------------------------------------
keystore=$(cd "$bin/.." && pwd)/standalone/data/monitor-tls/server.p12
https_lines=('MONITOR_SERVER_HTTPS_ENABLED=true' "MONITOR_SERVER_HTTPS_KEYSTORE=$keystore"
    'MONITOR_SERVER_HTTPS_KEYSTORE_PASSWORD=(set, not shown)' "EXEC $standalone")
valid_until='valid until [0-9]{4}-[0-9]{2}-[0-9]{2}'

begin 'no certificate: no HTTPS settings'
launch
expect_out_lacks MONITOR_SERVER_HTTPS
if grep -qF 'HTTPS' <<<"$err"; then fail "stderr mentions HTTPS: $err"; fi
end

for https_port in 0 70000 https; do
    begin "MONITOR_SERVER_HTTPS_PORT '$https_port': exit 2"
    launch "MONITOR_SERVER_HTTPS_PORT=$https_port"
    expect_rc 2
    expect_err_line "launch-monitor-server.sh: invalid MONITOR_SERVER_HTTPS_PORT '$https_port' (expected 1-65535)"
    end
done

for setting in a,b,c , ,/x.pem /x.pem,; do
    begin "certificate '$setting': not understood, exit 2"
    launch "MONITOR_SERVER_CERTIFICATE=$setting"
    expect_rc 2
    expect_out
    expect_err_line "launch-monitor-server.sh: MONITOR_SERVER_CERTIFICATE '$setting' is not understood; use /path/cert.pem,/path/key.pem or /path/server.p12"
    end
done

begin 'certificate: missing file, named'
launch "MONITOR_SERVER_CERTIFICATE=$tmp/nowhere/cert.pem,$tmp/nowhere/key.pem"
expect_rc 2
expect_out
expect_err_line "launch-monitor-server.sh: MONITOR_SERVER_CERTIFICATE: $tmp/nowhere/cert.pem does not exist"
end

# The certificates: made here with openssl (PEM cases) or keytool (PKCS#12
# cases); the launcher itself needs neither, only java.
certs=$tmp/certs
mkdir "$certs"
have_java=''
if [[ -n ${JAVA_HOME:-} && -x ${JAVA_HOME:-}/bin/java ]] || command -v java >/dev/null; then have_java=1; fi
have_openssl=''
if [[ -n $have_java ]] && command -v openssl >/dev/null &&
    openssl req -x509 -newkey rsa:2048 -nodes -keyout "$certs/rsa-key8.pem" -out "$certs/rsa-cert.pem" \
        -days 30 -subj /CN=localhost 2>/dev/null &&
    openssl rsa -in "$certs/rsa-key8.pem" -traditional -out "$certs/rsa-key.pem" 2>/dev/null &&
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$certs/ec-key8.pem" \
        -out "$certs/ec-cert.pem" -days 30 -subj /CN=ec.localhost 2>/dev/null &&
    openssl ec -in "$certs/ec-key8.pem" -out "$certs/ec-key.pem" 2>/dev/null &&
    openssl req -x509 -newkey rsa:2048 -nodes -keyout "$certs/other-key.pem" -out "$certs/other-cert.pem" \
        -days 30 -subj /CN=other 2>/dev/null &&
    openssl rsa -in "$certs/rsa-key8.pem" -aes256 -passout pass:secret -out "$certs/encrypted-key.pem" 2>/dev/null; then
    have_openssl=1
fi
have_keytool=''
if [[ -n $have_java ]] && command -v keytool >/dev/null &&
    keytool -genkeypair -alias server -keyalg EC -groupname secp256r1 -dname CN=p12.localhost -validity 30 \
        -storetype PKCS12 -keystore "$certs/server.p12" -storepass p12secret -keypass p12secret >/dev/null 2>&1; then
    have_keytool=1
fi
printf 'not a certificate\n' >"$certs/notes.txt"

if [[ -z $have_openssl ]]; then
    skip 'certificate PEM cases: openssl (and java) needed to make the test certificates'
else
    begin 'certificate: RSA, cert then PKCS#1 key'
    launch "MONITOR_SERVER_CERTIFICATE=$certs/rsa-cert.pem,$certs/rsa-key.pem"
    expect_rc 0
    expect_out "${https_lines[@]}"
    expect_settings prod "$default_workers"
    expect_err_match "Monitor Server: HTTPS on port 8443: CN=localhost \(RSA key, chain of 1, $valid_until\), certificate from $certs/rsa-cert.pem, key from $certs/rsa-key.pem"
    expect_err_lacks 'PRIVATE KEY'
    [[ -e $bin/../standalone ]] && fail "the dry run wrote into $bin/../standalone"
    end

    begin 'certificate: EC, SEC1 key first, then cert'
    launch "MONITOR_SERVER_CERTIFICATE=$certs/ec-key.pem,$certs/ec-cert.pem"
    expect_rc 0
    expect_out "${https_lines[@]}"
    expect_err_match "Monitor Server: HTTPS on port 8443: CN=ec.localhost \(EC key, chain of 1, $valid_until\), certificate from $certs/ec-cert.pem, key from $certs/ec-key.pem"
    end

    begin 'certificate: RSA PKCS#8 key first'
    launch "MONITOR_SERVER_CERTIFICATE=$certs/rsa-key8.pem,$certs/rsa-cert.pem"
    expect_rc 0
    expect_out "${https_lines[@]}"
    expect_err_match "Monitor Server: HTTPS on port 8443: CN=localhost \(RSA key, chain of 1, $valid_until\), certificate from $certs/rsa-cert.pem, key from $certs/rsa-key8.pem"
    end

    begin 'certificate: one PEM file with certificate and key'
    cat "$certs/ec-cert.pem" "$certs/ec-key8.pem" >"$certs/ec-both.pem"
    launch "MONITOR_SERVER_CERTIFICATE=$certs/ec-both.pem"
    expect_rc 0
    expect_err_match "Monitor Server: HTTPS on port 8443: CN=ec.localhost \(EC key, chain of 1, $valid_until\), from $certs/ec-both.pem"
    end

    begin 'certificate: HTTPS port from MONITOR_SERVER_HTTPS_PORT, -Djboss.https.port wins'
    launch "MONITOR_SERVER_CERTIFICATE=$certs/rsa-cert.pem,$certs/rsa-key.pem" MONITOR_SERVER_HTTPS_PORT=9443
    expect_rc 0
    expect_err_match "Monitor Server: HTTPS on port 9443: .*"
    launch "MONITOR_SERVER_CERTIFICATE=$certs/rsa-cert.pem,$certs/rsa-key.pem" MONITOR_SERVER_HTTPS_PORT=9443 \
        -- -Djboss.https.port=10443
    expect_rc 0
    expect_err_match "Monitor Server: HTTPS on port 10443: .*"
    expect_out_has_line "EXEC $standalone -Djboss.https.port=10443"
    launch "MONITOR_SERVER_CERTIFICATE=$certs/rsa-cert.pem,$certs/rsa-key.pem" \
        -- -Djboss.socket.binding.port-offset=340
    expect_rc 0
    expect_err_match "Monitor Server: HTTPS on port 8783: .*"
    end

    begin 'certificate: missing key file, named'
    launch "MONITOR_SERVER_CERTIFICATE=$certs/rsa-cert.pem,$certs/missing-key.pem"
    expect_rc 2
    expect_out
    expect_err_line "launch-monitor-server.sh: MONITOR_SERVER_CERTIFICATE: $certs/missing-key.pem does not exist"
    end

    begin 'certificate: key of another certificate, the key named'
    launch "MONITOR_SERVER_CERTIFICATE=$certs/rsa-cert.pem,$certs/other-key.pem"
    expect_rc 2
    expect_out
    expect_err_line "launch-monitor-server.sh: MONITOR_SERVER_CERTIFICATE: $certs/other-key.pem: the private key does not match the certificate in $certs/rsa-cert.pem (CN=localhost)"
    end

    begin 'certificate: EC key with an RSA certificate, the key named'
    launch "MONITOR_SERVER_CERTIFICATE=$certs/ec-key.pem,$certs/rsa-cert.pem"
    expect_rc 2
    expect_err_line "launch-monitor-server.sh: MONITOR_SERVER_CERTIFICATE: $certs/ec-key.pem: the private key does not match the certificate in $certs/rsa-cert.pem (CN=localhost)"
    end

    begin 'certificate: not a PEM file, named'
    launch "MONITOR_SERVER_CERTIFICATE=$certs/rsa-cert.pem,$certs/notes.txt"
    expect_rc 2
    expect_out
    expect_err_line "launch-monitor-server.sh: MONITOR_SERVER_CERTIFICATE: $certs/notes.txt is not a PEM file (no -----BEGIN line); give a PEM certificate and a PEM key, or one PKCS#12 file"
    end

    begin 'certificate: two certificates, no key'
    launch "MONITOR_SERVER_CERTIFICATE=$certs/rsa-cert.pem,$certs/other-cert.pem"
    expect_rc 2
    expect_err_line "launch-monitor-server.sh: MONITOR_SERVER_CERTIFICATE: no private key in $certs/rsa-cert.pem or $certs/other-cert.pem"
    end

    begin 'certificate: encrypted key, named'
    launch "MONITOR_SERVER_CERTIFICATE=$certs/rsa-cert.pem,$certs/encrypted-key.pem"
    expect_rc 2
    expect_err_match "launch-monitor-server.sh: MONITOR_SERVER_CERTIFICATE: $certs/encrypted-key.pem holds an encrypted private key; .*"
    end
fi

if [[ -z $have_keytool ]]; then
    skip 'certificate PKCS#12 cases: keytool (and java) needed to make the test key store'
else
    begin 'certificate: PKCS#12 file with MONITOR_SERVER_CERTIFICATE_PASSWORD'
    launch "MONITOR_SERVER_CERTIFICATE=$certs/server.p12" MONITOR_SERVER_CERTIFICATE_PASSWORD=p12secret
    expect_rc 0
    expect_out "${https_lines[@]}"
    expect_err_match "Monitor Server: HTTPS on port 8443: CN=p12.localhost \(EC key, chain of 1, $valid_until\), from $certs/server.p12"
    expect_out_lacks p12secret
    expect_err_lacks p12secret
    end

    begin 'certificate: PKCS#12 file, wrong password, named'
    launch "MONITOR_SERVER_CERTIFICATE=$certs/server.p12" MONITOR_SERVER_CERTIFICATE_PASSWORD=wrong
    expect_rc 2
    expect_out
    expect_err_line "launch-monitor-server.sh: MONITOR_SERVER_CERTIFICATE: $certs/server.p12: wrong password for this PKCS#12 file (MONITOR_SERVER_CERTIFICATE_PASSWORD)"
    end

    begin 'certificate: one file that is neither PEM nor PKCS#12, named'
    launch "MONITOR_SERVER_CERTIFICATE=$certs/notes.txt"
    expect_rc 2
    expect_err_line "launch-monitor-server.sh: MONITOR_SERVER_CERTIFICATE: $certs/notes.txt is neither a PEM file nor a PKCS#12 key store"
    end
fi

printf '\n%d passed, %d failed, %d skipped\n' "$passed" "$failed" "$skipped"
[[ $failed -eq 0 ]]
