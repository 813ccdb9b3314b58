#!/usr/bin/env bash
# Runs the whole system on this machine with nothing but a JDK (17+) and Maven:
# PostgreSQL and Kafka from Maven artifacts (unless FILMREVIEWS_PG_URL / KAFKA_BOOTSTRAP_SERVERS
# point elsewhere), the three services on 8081-8083, and the seed film "Mirror for a Hero".
#
#   ./run.sh            build if needed, start, load the seed film on first start; Ctrl-C stops everything
#   ./run.sh --fresh    start from empty databases and an empty broker
#   ./run.sh --no-seed  do not load the seed film
#   ./run.sh --instances N  N instances of each service: 8081-8083, then 8181-8183, 8281-8283, … (default 1)
#   ./run.sh --brokers N    N Kafka brokers in one cluster on 9092, 9094, 9096, … (default 1); with 3 the topics
#                           keep 3 copies and one broker can be lost. Changing N needs --fresh.
#   ./run.sh --help
set -euo pipefail
cd "$(dirname "$0")"

java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"
stamp=.run/build-stamp
mkdir -p .run

needs_build() {
  for jar in review-service moderation-service catalog-service; do
    [ -f "$jar/target/quarkus-app/quarkus-run.jar" ] || return 0
  done
  [ -d dev-infra/target/lib ] && [ -f "$stamp" ] || return 0
  # any source or build file changed since the last build
  [ -n "$(find . -path ./.run -prune -o \( -name pom.xml -o -path '*/src/main/*' \) -newer "$stamp" -print -quit)" ]
}

# mvn with one line a module on the terminal (dev-infra/build-progress.sh)
source dev-infra/build-progress.sh

if needs_build; then
  build_with_progress .run/build.log -DskipTests package
  touch "$stamp"
fi

exec "$java_cmd" -Xmx256m -Dfilmreviews.project.dir="$PWD" \
  -Dlog4j2.configurationFile="$PWD/dev-infra/target/classes/launcher-log4j2.properties" \
  -cp "dev-infra/target/classes:dev-infra/target/lib/*" \
  org.filmreviews.devinfra.launch.Launcher "$@"
