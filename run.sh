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

# mvn, its whole output in a log file, and one line a module on the terminal as the reactor gets to it, finished with
# the module's time: "[film-reviews] [6/11] review-service … 41 s". On a failure, the end of the log.
# (bench/run.sh has a copy of these two functions.)
took() { if [ "$1" -ge 60 ]; then echo "$(($1 / 60)) min $(($1 % 60)) s"; else echo "$1 s"; fi; }
build_with_progress() {
  local log="$1" began=$SECONDS status=0
  shift
  echo "[film-reviews] Building (mvn $*; the whole output goes to $log)…"
  mvn -B "$@" 2>&1 | tee "$log" | {
    artifact="" header=0 open=0 since=$SECONDS
    while IFS= read -r line; do
      case "$line" in
        *"[INFO] "*"-< "*:*" >-"*)   # ----< org.filmreviews:review-service >----, the line before "Building …"
          artifact="${line##*:}"; artifact="${artifact%% >*}"; header=1 ;;
        *"[INFO] Building "*)
          [ "$header" = 1 ] || continue   # not "Building jar: …"
          header=0
          if [ "$open" = 1 ]; then echo " $(took $((SECONDS - since)))"; fi
          case "$line" in
            *"]") printf '[film-reviews] [%s %s …' "${line##*\[}" "$artifact" ;;
            *) printf '[film-reviews] %s …' "$artifact" ;;
          esac
          open=1 since=$SECONDS ;;
        *"BUILD SUCCESS"*)
          if [ "$open" = 1 ]; then echo " $(took $((SECONDS - since)))"; fi
          open=0 ;;
        *"BUILD FAILURE"*)
          if [ "$open" = 1 ]; then echo " failed after $(took $((SECONDS - since)))"; fi
          open=0 ;;
      esac
    done
    if [ "$open" = 1 ]; then echo; fi
  } || status=$?
  if [ "$status" != 0 ]; then
    echo "[film-reviews] The build failed after $(took $((SECONDS - began))); the end of $log:"
    tail -n 60 "$log"
    return "$status"
  fi
  echo "[film-reviews] Built in $(took $((SECONDS - began)))"
}

if needs_build; then
  build_with_progress .run/build.log -DskipTests package
  touch "$stamp"
fi

exec "$java_cmd" -Xmx256m -Dfilmreviews.project.dir="$PWD" \
  -Dlog4j2.configurationFile="$PWD/dev-infra/target/classes/launcher-log4j2.properties" \
  -cp "dev-infra/target/classes:dev-infra/target/lib/*" \
  org.filmreviews.devinfra.launch.Launcher "$@"
