#!/usr/bin/env bash
# A local Apache Kafka 4.4 broker for tests, CI and benchmarks: one combined
# broker + controller (KRaft) on 127.0.0.1, run with plain `java` from the Maven
# artifacts (no tarball, no Docker).
#
#   scripts/kafka-local.sh start    fetch the classpath if needed, format storage once, start, wait until ready
#   scripts/kafka-local.sh stop     stop it (SIGTERM, then SIGKILL after 30 s); keeps its data
#   scripts/kafka-local.sh status   exit 0 and say so when it runs, else exit 3
#   scripts/kafka-local.sh reset    stop it and delete its data
#
# Environment (all optional):
#   KAFKA_PORT             client port (default 9092); the controller listens on KAFKA_CONTROLLER_PORT (default port + 1),
#                          SASL/PLAIN (user relay, password relay-secret) on KAFKA_SASL_PORT (default port + 2) and
#                          TLS on KAFKA_SSL_PORT (default port + 3), its self-signed CA in <broker folder>/ca.pem
#   KAFKA_LOCAL_DIR        where brokers keep data, logs and pid files (default <repo>/.kafka-local); one folder per port
#   KAFKA_HEAP_OPTS        JVM heap (default -Xms128m -Xmx384m)
#   KAFKA_START_TIMEOUT    seconds to wait for readiness (default 90)
#   KAFKA_STOP_WITH_PID    stop the broker when this process ends, however it ends (tests set their own pid)
#
# Needs Java 17+ (with keytool) and Maven (the first start downloads org.apache.kafka:kafka_2.13:4.4.0
# and a Log4j 2 binding from Maven Central into ~/.m2).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
recipe="$root/scripts/kafka"
port=${KAFKA_PORT:-9092}
controller_port=${KAFKA_CONTROLLER_PORT:-$((port + 1))}
sasl_port=${KAFKA_SASL_PORT:-$((port + 2))}
ssl_port=${KAFKA_SSL_PORT:-$((port + 3))}
base=${KAFKA_LOCAL_DIR:-$root/.kafka-local}
dir="$base/broker-$port"
pid_file="$dir/kafka.pid"
log_file="$dir/broker.log"
heap=${KAFKA_HEAP_OPTS:-"-Xms128m -Xmx384m"}
start_timeout=${KAFKA_START_TIMEOUT:-90}
# The classpath depends only on the pom, so every checkout on this machine shares it (the jars
# are in ~/.m2 anyway): a fresh clone then starts its broker without running Maven.
classpath_file="${XDG_CACHE_HOME:-$HOME/.cache}/always-events/kafka-classpath-$(cksum <"$recipe/pom.xml" | cut -d' ' -f1).txt"

say() { printf 'kafka-local: %s\n' "$*" >&2; }
die() {
  say "$*"
  exit 1
}

running_pid() {
  [ -f "$pid_file" ] || return 1
  local pid
  pid=$(cat "$pid_file")
  # A recycled pid must not pass for our broker.
  if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'kafka\.Kafka'; then
    echo "$pid"
  else
    return 1
  fi
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

classpath_complete() {
  [ -s "$classpath_file" ] || return 1
  local jar
  # A cleaned ~/.m2 leaves the cached classpath pointing at nothing.
  while IFS= read -r -d: jar || [ -n "$jar" ]; do
    [ -f "$jar" ] || return 1
  done <"$classpath_file"
}

fetch_classpath() {
  classpath_complete && return 0
  command -v java >/dev/null || die "java not found: Kafka 4.4 needs Java 17+"
  command -v mvn >/dev/null || die "mvn not found: the broker's jars come from Maven Central through Maven"
  mkdir -p "$(dirname "$classpath_file")"
  say "resolving org.apache.kafka:kafka_2.13:4.4.0 with Maven (cached in ~/.m2)"
  # Pinned plugin: Maven 3.8's default maven-dependency-plugin (2.8) predates options used here.
  local out
  if ! out=$(mvn -q -B -Dstyle.color=never -f "$recipe/pom.xml" \
    org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
    -Dmdep.outputFile="$classpath_file.tmp" -Dmdep.includeScope=runtime 2>&1); then
    printf '%s\n' "$out" >&2
    die "Maven could not resolve the broker's classpath (is Maven Central reachable?)"
  fi
  mv "$classpath_file.tmp" "$classpath_file"
}

make_certificate() {
  [ -f "$dir/broker.p12" ] && [ -f "$dir/ca.pem" ] && return 0
  command -v keytool >/dev/null || die "keytool not found (it comes with the JDK)"
  rm -f "$dir/broker.p12"
  keytool -genkeypair -keystore "$dir/broker.p12" -storetype PKCS12 -storepass kafka-local -alias broker \
    -keyalg RSA -keysize 2048 -validity 3650 -dname CN=localhost -ext SAN=ip:127.0.0.1,dns:localhost >/dev/null 2>&1 ||
    die "keytool could not make the broker's certificate"
  keytool -exportcert -rfc -keystore "$dir/broker.p12" -storepass kafka-local -alias broker -file "$dir/ca.pem" \
    >/dev/null 2>&1 || die "keytool could not export the broker's certificate"
}

java_opts() {
  # shellcheck disable=SC2086 # heap options are a list
  printf '%s\n' $heap -XX:+UseSerialGC -Djava.awt.headless=true \
    "-Dlog4j2.configurationFile=file:$recipe/log4j2.properties"
}

run_java() {
  local opts
  mapfile -t opts < <(java_opts)
  java "${opts[@]}" -cp "$(cat "$classpath_file")" "$@"
}

start() {
  if pid=$(running_pid); then
    say "already running on 127.0.0.1:$port (pid $pid)"
    return 0
  fi
  local name p
  for name in port controller_port sasl_port ssl_port; do
    p=${!name}
    port_open "$p" && die "127.0.0.1:$p is already in use by another process; set KAFKA_${name^^}"
  done
  fetch_classpath
  mkdir -p "$dir/data"
  make_certificate
  sed -e "s|@PORT@|$port|g" -e "s|@CONTROLLER_PORT@|$controller_port|g" -e "s|@DATA_DIR@|$dir/data|g" \
    -e "s|@SASL_PORT@|$sasl_port|g" -e "s|@SSL_PORT@|$ssl_port|g" -e "s|@KEYSTORE@|$dir/broker.p12|g" \
    "$recipe/server.properties" >"$dir/server.properties"
  if [ ! -f "$dir/data/meta.properties" ]; then
    local cluster_id
    cluster_id=$(run_java kafka.tools.StorageTool random-uuid 2>>"$log_file" | tail -n1)
    # No static voters are configured, so the one node must be formatted as a standalone quorum.
    run_java kafka.tools.StorageTool format --standalone --ignore-formatted \
      -t "$cluster_id" -c "$dir/server.properties" >>"$log_file" 2>&1 ||
      die "formatting $dir/data failed; see $log_file"
  fi
  touch "$log_file"
  local from opts
  from=$(($(wc -l <"$log_file") + 1))
  mapfile -t opts < <(java_opts)
  # setsid: the broker outlives this script and is not hit by signals sent to its process group.
  setsid java "${opts[@]}" -cp "$(cat "$classpath_file")" kafka.Kafka "$dir/server.properties" \
    </dev/null >>"$log_file" 2>&1 &
  echo $! >"$pid_file"
  local deadline=$((SECONDS + start_timeout))
  until tail -n +"$from" "$log_file" | grep -q 'Kafka Server started' && port_open "$port"; do
    if ! kill -0 "$(cat "$pid_file")" 2>/dev/null; then
      tail -n 30 "$log_file" >&2
      die "the broker exited during start-up; see $log_file"
    fi
    if [ $SECONDS -ge $deadline ]; then
      tail -n 30 "$log_file" >&2
      stop
      die "the broker was not ready after ${start_timeout}s; see $log_file"
    fi
    sleep 0.2
  done
  say "Kafka 4.4.0 ready on 127.0.0.1:$port (pid $(cat "$pid_file"), data in $dir)"
  if [ -n "${KAFKA_STOP_WITH_PID:-}" ]; then
    # A test process killed outright runs no clean-up of its own; this watcher does it.
    setsid bash -c 'while kill -0 "$1" 2>/dev/null && kill -0 "$2" 2>/dev/null; do sleep 2; done; kill -TERM "$2" 2>/dev/null' \
      _ "$KAFKA_STOP_WITH_PID" "$(cat "$pid_file")" </dev/null >/dev/null 2>&1 &
  fi
}

stop() {
  local pid
  if ! pid=$(running_pid); then
    rm -f "$pid_file"
    say "not running on port $port"
    return 0
  fi
  kill -TERM "$pid"
  local deadline=$((SECONDS + 30))
  while kill -0 "$pid" 2>/dev/null; do
    if [ $SECONDS -ge $deadline ]; then
      say "no clean shutdown after 30s; killing pid $pid"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    sleep 0.1
  done
  rm -f "$pid_file"
  say "stopped the broker on port $port"
}

status() {
  local pid
  if pid=$(running_pid); then
    echo "running on 127.0.0.1:$port (pid $pid, data in $dir)"
  else
    echo "not running on port $port"
    exit 3
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  reset)
    stop
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop|status|reset" >&2
    exit 2
    ;;
esac
