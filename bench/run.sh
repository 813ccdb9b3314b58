#!/usr/bin/env bash
# Runs one measurement of bench/ with the real servers and packaged services it needs.
#   bench/run.sh OutboxThroughput      outbox relay vs a plain Kafka producer, same broker, same run
#   bench/run.sh Evaluation            moderation engine on the public labelled sets (see README)
#   bench/run.sh Throughput            moderation engine, reviews per second on one core
#   bench/run.sh PageBench             film page reads at 10 and 100,000 reviews
#   bench/run.sh PipelineBench [--smoke] [--running]   the whole pipeline against this machine's raw limits
set -euo pipefail
cd "$(dirname "$0")/.."
main="${1:?which measurement? e.g. OutboxThroughput}"
shift
case "$main" in
  *.*) class="$main" ;;
  OutboxThroughput) class="org.filmreviews.bench.outbox.OutboxThroughput" ;;
  PageBench) class="org.filmreviews.bench.page.PageBench" ;;
  PipelineBench) class="org.filmreviews.bench.pipeline.PipelineBench" ;;
  *) class="org.filmreviews.bench.$main" ;;
esac
# Against a running system (--running) the services are left alone: repackaging their jars under the running
# processes breaks their class loading (an open jar replaced underneath hangs the next class load).
modules=bench,review-service,moderation-service,catalog-service
for arg in "$@"; do [ "$arg" = "--running" ] && modules=bench; done

# The build shows one line a module with its time, as ./run.sh's does (dev-infra/build-progress.sh), its whole output in
# .run/bench-build.log. A measurement that prints nothing for 30 s gets a line saying it still runs and for how long.
source dev-infra/build-progress.sh   # took, build_with_progress

mkdir -p .run
build_with_progress .run/bench-build.log -DskipTests package -pl "$modules" -am
java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"
began=$SECONDS status=0
"$java_cmd" -Dfilmreviews.project.dir="$PWD" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" "$class" "$@" 2>&1 | {
  trap '' INT   # on Ctrl-C, keep passing on what the measurement prints while it stops
  last=$SECONDS pending=""
  while :; do
    line=""
    if IFS= read -r -t 30 line; then
      printf '%s\n' "$pending$line"
      pending="" last=$SECONDS
    elif [ $? -gt 128 ]; then   # 30 s without a whole line (a part of one waits for the rest)
      pending="$pending$line"
      echo "[bench] $main still running: $(took $((SECONDS - began))) so far, $(took $((SECONDS - last))) since its last line"
    else                        # the end
      printf '%s' "$pending$line"
      break
    fi
  done
} || status=$?
exit "$status"
