#!/bin/sh
# Entry point of the service images: runs the Quarkus fast-jar with the service's line of
# deploy/jvm-options (copied into the image), so a container gets the same JVM options as
# deploy/local/up, the end-to-end tests and the benchmarks. JAVA_OPTS_APPEND adds options after them
# (a later -Xmx wins). SERVICE names the line; NEWSPIPE_JVM_OPTIONS overrides the file (tests).
set -eu
file="${NEWSPIPE_JVM_OPTIONS:-/deployments/jvm-options}"
: "${SERVICE:?SERVICE is not set}"
opts=$(awk -v n="$SERVICE" '$1 == n { $1 = ""; print }' "$file")
if [ -z "$opts" ]; then
  echo "run-java: $file has no line for $SERVICE" >&2
  exit 1
fi
# Word splitting of the option lists is intended.
# shellcheck disable=SC2086
exec java $opts ${JAVA_OPTS_APPEND:-} -jar "${NEWSPIPE_APP_DIR:-/deployments}/quarkus-run.jar" "$@"
