#!/bin/sh
# Old against new on one machine: builds the server of COMMIT (default a587980 = 12cc291^, the code before
# issue 11) in a git worktree under monitor-bench/target/baseline, then runs the benchmark of this checkout with
# --baseline-server pointing at it: the whole run against the old server first (databases "<name>_old"), then
# against this checkout's server, and an "old vs new" table.
#
#   monitor-bench/old-vs-new.sh [COMMIT] [benchmark options...]
#   monitor-bench/old-vs-new.sh a587980 --metrics 1000000
#
# Build this checkout first (mvn -q -DskipTests package). A worktree already there is moved to COMMIT and built
# again (Maven's incremental build).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
commit=a587980
case "${1:-}" in
    ''|-*) ;;
    *) commit=$1; shift ;;
esac
baseline="$here/target/baseline"
jar="$here/target/monitor-bench.jar"

if [ ! -f "$jar" ]; then
    echo "old-vs-new: $jar not found: build this checkout first (mvn -q -DskipTests package)" >&2
    exit 1
fi
if [ -e "$baseline/.git" ]; then
    git -C "$baseline" checkout -q --detach "$commit"
else
    mkdir -p "$here/target"
    git -C "$root" worktree add --detach "$baseline" "$commit"
fi
echo "old-vs-new: building $(git -C "$baseline" log -1 --format='%h %s' HEAD) in $baseline" >&2
# The provisioning's CLI talks on stdout even with -q: keep stdout for the benchmark's report.
(cd "$baseline" && mvn -q -DskipTests package) >&2

cd "$root"
exec java -jar "$jar" --baseline-server "$baseline/monitor-ear/target/server" "$@"
