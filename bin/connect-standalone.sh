#!/usr/bin/env bash
#
# Runs a standalone Sluice worker: one process, connector configs from files, source offsets in a local file.
#
#   connect-standalone.sh [-daemon] [-name NAME] connect-standalone.properties [connector.properties|connector.json ...]
#
# -daemon runs the worker in the background (stdout to $LOG_DIR/connectStandalone.out). The environment
# variables KAFKA_HEAP_OPTS, KAFKA_JVM_PERFORMANCE_OPTS, KAFKA_OPTS, JAVA_HOME, LOG_DIR, SLUICE_LOG_OPTS and
# KAFKA_LOG4J_OPTS are read as described in sluice-run-class.sh. Stop the worker with SIGTERM (kill <pid>, or
# Ctrl-C in the foreground): it stops its connectors, flushes source offsets and commits sink offsets first.

usage() {
  echo "USAGE: $0 [-daemon] connect-standalone.properties [connector.properties ...]" >&2
  exit 1
}

[ $# -ge 1 ] || usage

# This script's real folder, following symlinks (e.g. from /usr/local/bin) to it.
script=${BASH_SOURCE[0]}
while [ -L "$script" ]; do
  link=$(readlink "$script")
  case $link in
    /*) script=$link ;;
    *) script=$(dirname "$script")/$link ;;
  esac
done
bin_dir=$(dirname "$script")

# A standalone worker gets a larger heap than sluice-run-class.sh's default, as Apache's script gives it.
export KAFKA_HEAP_OPTS=${KAFKA_HEAP_OPTS:--Xms256M -Xmx2G}

# EXTRA_ARGS as in Apache's script: options for the launcher, '-name connectStandalone' unless set.
read -r -a launcher_args <<< "${EXTRA_ARGS-"-name connectStandalone"}"
while [ $# -gt 0 ]; do
  case $1 in
    -daemon) launcher_args=(-daemon "${launcher_args[@]}"); shift ;;
    -name)
      [ $# -ge 2 ] || usage
      launcher_args+=(-name "$2"); shift 2 ;;
    *) break ;;
  esac
done
[ $# -ge 1 ] || usage

exec "$bin_dir/sluice-run-class.sh" "${launcher_args[@]}" dev.sluice.runtime.cli.ConnectStandalone "$@"
