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
mvn -q -B -DskipTests package -pl "$modules" -am
java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$java_cmd" -Dfilmreviews.project.dir="$PWD" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" "$class" "$@"
