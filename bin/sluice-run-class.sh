#!/usr/bin/env bash
#
# Starts a Java main class of Sluice with the distribution's jars on the class path.
# The launch scripts in this folder (connect-standalone.sh, ...) call it; you rarely need it directly.
#
#   sluice-run-class.sh [-daemon] [-name NAME] [-loggc] MAIN_CLASS [ARGS ...]
#
#   -daemon   run in the background (nohup); stdout and stderr go to $LOG_DIR/NAME.out; returns at once
#   -name     the process's name, used for the console file and the GC log (default: sluice)
#   -loggc    write a GC log to $LOG_DIR/NAME-gc.log
#
# Environment (all optional, same names as Apache Kafka's scripts):
#   JAVA_HOME                   the JDK or JRE to run (17 or later); otherwise 'java' from PATH
#   KAFKA_HEAP_OPTS             heap settings (default: -Xmx256M; connect-standalone.sh sets its own default)
#   KAFKA_JVM_PERFORMANCE_OPTS  GC and JIT settings (default: G1 with short pauses, headless)
#   KAFKA_GC_LOG_OPTS           GC log settings used with -loggc
#   KAFKA_JMX_OPTS, JMX_PORT    JMX settings; JMX_PORT opens a remote JMX port (no auth, no TLS)
#   KAFKA_OPTS                  any other JVM options (e.g. -javaagent:..., -Dfoo=bar)
#   LOG_DIR                     where log files go (default: <base>/logs); passed as -Dkafka.logs.dir
#   SLUICE_LOG_OPTS             the logging options, replacing the default
#                               -Dlogback.configurationFile=<base>/config/connect-logback.xml
#   KAFKA_LOG4J_OPTS            read when SLUICE_LOG_OPTS is not set. Sluice logs through Logback, which does not
#                               understand log4j/log4j2 files: a -Dlog4j2.configurationFile=... in it is ignored and
#                               the default Logback file is used unless the options name a Logback file.
#   CLASSPATH                   entries put before the distribution's jars
#   SLUICE_BUILD_DIR            in a source checkout: the distribution module's build folder (default: target)

set -u

die() {
  echo "$(basename "$0"): $*" >&2
  exit 1
}

# The folder above bin/, following symlinks to this script so that a linked script still finds its jars.
resolve_base_dir() {
  local script=$1 link
  while [ -L "$script" ]; do
    link=$(readlink "$script")
    case $link in
      /*) script=$link ;;
      *) script=$(dirname "$script")/$link ;;
    esac
  done
  (cd "$(dirname "$script")/.." && pwd -P)
}

# The folder holding the jars: <base>/libs in an unpacked distribution, or the assembled tree of the
# distribution module when this script runs from a source checkout.
find_libs_dir() {
  local base=$1 candidate found=""
  if [ -d "$base/libs" ] && ls "$base/libs"/*.jar > /dev/null 2>&1; then
    echo "$base/libs"
    return 0
  fi
  for candidate in "$base/distribution/${SLUICE_BUILD_DIR:-target}"/sluice-*/libs; do
    if [ -d "$candidate" ] && ls "$candidate"/*.jar > /dev/null 2>&1; then
      found=$candidate # the glob is sorted: the last match is the highest version
    fi
  done
  if [ -n "$found" ]; then
    echo "$found"
    return 0
  fi
  return 1
}

base_dir=$(resolve_base_dir "${BASH_SOURCE[0]}") || die "cannot find the folder above $0"

daemon_mode=false
daemon_name=sluice
gc_log_enabled=false
while [ $# -gt 0 ]; do
  case $1 in
    -daemon) daemon_mode=true; shift ;;
    -name)
      [ $# -ge 2 ] || die "-name needs a value"
      daemon_name=$2; shift 2 ;;
    -loggc) gc_log_enabled=true; shift ;;
    *) break ;;
  esac
done
[ $# -ge 1 ] || die "USAGE: $0 [-daemon] [-name NAME] [-loggc] MAIN_CLASS [ARGS ...]"
main_class=$1
shift

if ! libs_dir=$(find_libs_dir "$base_dir"); then
  if [ -f "$base_dir/pom.xml" ] && [ -d "$base_dir/distribution" ]; then
    die "no Sluice jars in $base_dir/distribution/${SLUICE_BUILD_DIR:-target}/sluice-*/libs. This is a source checkout: build the distribution first with
    (cd '$base_dir' && mvn -B -DskipTests -pl distribution -am package)"
  fi
  die "no Sluice jars in $base_dir/libs. Unpack the whole distribution tarball (bin/, config/, libs/), or build it from a source checkout with
    mvn -B -DskipTests -pl distribution -am package"
fi

class_path="$libs_dir/*"
if [ -n "${CLASSPATH:-}" ]; then
  class_path="$CLASSPATH:$class_path"
fi

if [ -n "${JAVA_HOME:-}" ]; then
  java_cmd="$JAVA_HOME/bin/java"
  [ -x "$java_cmd" ] || die "JAVA_HOME is '$JAVA_HOME' but $java_cmd is not an executable; point JAVA_HOME at a JDK 17 or later"
else
  java_cmd=$(command -v java) || die "no 'java' on PATH; install a JDK 17 or later, or set JAVA_HOME"
fi

LOG_DIR=${LOG_DIR:-$base_dir/logs}
mkdir -p "$LOG_DIR" || die "cannot create the log folder LOG_DIR=$LOG_DIR"

default_log_opts="-Dlogback.configurationFile=$base_dir/config/connect-logback.xml"
if [ -n "${SLUICE_LOG_OPTS:-}" ]; then
  log_opts=$SLUICE_LOG_OPTS
elif [ -n "${KAFKA_LOG4J_OPTS:-}" ]; then
  log_opts=$KAFKA_LOG4J_OPTS
  case $log_opts in
    *-Dlogback.configurationFile=*) ;;
    *)
      case $log_opts in
        *log4j*) echo "$(basename "$0"): KAFKA_LOG4J_OPTS names a log4j configuration, which Logback does not read;" \
                   "using $base_dir/config/connect-logback.xml. Set SLUICE_LOG_OPTS=-Dlogback.configurationFile=<file> to choose another." >&2 ;;
      esac
      log_opts="$log_opts $default_log_opts" ;;
  esac
else
  log_opts=$default_log_opts
fi
log_opts="-Dkafka.logs.dir=$LOG_DIR $log_opts"

heap_opts=${KAFKA_HEAP_OPTS:--Xmx256M}
performance_opts=${KAFKA_JVM_PERFORMANCE_OPTS:--server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -XX:MaxInlineLevel=15 -Djava.awt.headless=true}
jmx_opts=${KAFKA_JMX_OPTS:--Dcom.sun.management.jmxremote -Dcom.sun.management.jmxremote.authenticate=false -Dcom.sun.management.jmxremote.ssl=false}
if [ -n "${JMX_PORT:-}" ]; then
  jmx_opts="$jmx_opts -Dcom.sun.management.jmxremote.port=$JMX_PORT -Dcom.sun.management.jmxremote.rmi.port=${JMX_RMI_PORT:-$JMX_PORT}"
fi
gc_log_opts=""
if [ "$gc_log_enabled" = true ]; then
  gc_log_opts=${KAFKA_GC_LOG_OPTS:--Xlog:gc*:file=$LOG_DIR/$daemon_name-gc.log:time,tags:filecount=10,filesize=100M}
fi

# The option strings are split into words on purpose, as Apache's scripts do: each holds several options.
# shellcheck disable=SC2086
set -- $heap_opts $performance_opts $gc_log_opts $jmx_opts $log_opts ${KAFKA_OPTS:-} -cp "$class_path" "$main_class" "$@"

if [ "$daemon_mode" = true ]; then
  console_file="$LOG_DIR/$daemon_name.out"
  nohup "$java_cmd" "$@" > "$console_file" 2>&1 < /dev/null &
  exit 0
fi
# exec: the JVM takes this shell's pid, so a SIGTERM sent to it reaches the JVM's shutdown hooks.
exec "$java_cmd" "$@"
