#!/usr/bin/env bash
# Sluice on a fresh machine: builds what it needs (skipping tests), starts a single-node Kafka broker and a
# standalone worker with a file source -> topic -> file sink demo, and prints what to curl next.
# Options: --dir <directory> (default ./quickstart-data), --port <REST port> (default 8083),
#          --exit-when-delivered (stop once the demo lines reached the output file).
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v mvn >/dev/null 2>&1; then
  echo "quickstart.sh needs Maven (mvn) and a JDK 17+ on the PATH." >&2
  exit 1
fi

echo "Building Sluice (tests skipped; the first build downloads dependencies)..."
mvn -B -q -ntp -DskipTests -pl connect-quickstart -am package

CLASSPATH_FILE=connect-quickstart/target/quickstart.classpath
exec java -cp "connect-quickstart/target/classes:$(cat "$CLASSPATH_FILE")" dev.sluice.quickstart.Quickstart "$@"
