#!/usr/bin/env bash
# Assembles the install bundle (docs/administration.md#install-on-an-existing-wildfly) after the EAR is packaged:
#   install-bundle.sh BASEDIR TARGET VERSION
# monitor-install.cli is the provisioning's own monitor-config.cli followed by the deployment steps, whose runtime
# name carries the EAR's SHA-1, so that a second run of the same bundle finds its build deployed and changes nothing.
set -euo pipefail
basedir=$1 target=$2 version=$3
bundle=$target/monitor-install
rm -rf "$bundle"
mkdir -p "$bundle"
cp "$target/monitor.ear" "$bundle/monitor.ear"
cp -r "$target/modules" "$bundle/modules"
cp "$basedir/src/main/install/README.md" "$basedir/src/main/install/monitor-install.properties" \
    "$basedir/src/main/install/install.sh" "$bundle/"
sha=$(sha1sum "$bundle/monitor.ear" | cut -c1-12)
runtime_name="monitor-$version-$sha.ear"
{
    cat "$basedir/src/main/cli/monitor-config.cli"
    sed "s/@RUNTIME_NAME@/$runtime_name/g" "$basedir/src/main/install/deploy.cli"
} > "$bundle/monitor-install.cli"
echo "install bundle: $bundle ($runtime_name)"
