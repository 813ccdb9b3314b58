#!/usr/bin/env bash
# The fault suite of system-tests/ (FaultSuiteIT) in its long form: issue #13's outage lengths (broker 30 s,
# each database 20 s), 20 reviews/s, 20 rounds of racing writers. The same code as the CI-sized run of
# `mvn verify`; the table is printed and left in system-tests/target/fault-table.md. About 15 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests install -pl system-tests -am
mvn -B verify -pl system-tests -Dit.test=FaultSuiteIT -Dfilmreviews.faults.scale=long \
  -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false
cat system-tests/target/fault-table.md
