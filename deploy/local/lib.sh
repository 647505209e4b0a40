# Shared by deploy/local/up and deploy/local/down. Sourced, not run.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
state="$root/.local"
run_dir="$state/run"
log_dir="$state/logs"
version="0.1.0-SNAPSHOT"

kafka_port="${NEWS_KAFKA_PORT:-9092}"
kafka_controller_port="${NEWS_KAFKA_CONTROLLER_PORT:-9093}"
# name:port, in start order (store first, so that it is ready when articles arrive)
services=("store-service:8083" "enrich-service:8082" "ingest-service:8081")
processes=(kafka store-service enrich-service ingest-service)

# The pid recorded for NAME, if that process is alive and is the one we started (its command line
# names this checkout), so that a recycled pid is never signalled.
live_pid() {
  local pid_file="$run_dir/$1.pid" pid
  [ -f "$pid_file" ] || return 1
  pid="$(cat "$pid_file")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF "$root" || return 1
  echo "$pid"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
