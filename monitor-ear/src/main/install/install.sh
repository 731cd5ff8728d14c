#!/usr/bin/env bash
# Installs (or upgrades) Monitor Server on a running WildFly 39 standalone server: runs monitor-install.cli with
# this folder's monitor-install.properties through the server's own jboss-cli (README.md).
#
#   ./install.sh /opt/wildfly                              # the server's home; its management port 9990 on this host
#   ./install.sh /opt/wildfly --controller=127.0.0.1:10090 # any further arguments go to jboss-cli
#   MONITOR_INSTALL_PROPERTIES=/etc/monitor/install.properties ./install.sh /opt/wildfly
#
# Run it on the server's host: the script copies the JDBC drivers' modules into that home's modules folder.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
home=${1:-${JBOSS_HOME:-}}
if [[ -z "$home" || ! -x "$home/bin/jboss-cli.sh" ]]; then
    echo "usage: $0 WILDFLY_HOME [jboss-cli arguments]  (no bin/jboss-cli.sh in '${home}')" >&2
    exit 2
fi
properties=${MONITOR_INSTALL_PROPERTIES:-$here/monitor-install.properties}
if [[ ! -r "$properties" ]]; then
    echo "$0: cannot read the properties file $properties" >&2
    exit 2
fi
shift || true
cd "$here"
# --resolve-parameter-values: the CLI puts the properties' values in; $${...} in the script stays an expression.
exec "$home/bin/jboss-cli.sh" --connect --file=monitor-install.cli --properties="$properties" \
    --resolve-parameter-values "$@"
