package org.filmreviews.systemtests.faults;

import java.time.Duration;

/**
 * How big the fault suite runs: {@code ci} (the default, a few minutes inside {@code mvn verify}) or
 * {@code long} ({@code -Dfilmreviews.faults.scale=long}, what {@code bench/faults.sh} runs), with the
 * outage lengths of issue #13. The same scenarios and checks either way.
 *
 * @param perSecond reviews posted per second while a fault happens
 * @param lead how long the stream runs before the fault
 * @param brokerOutage how long the broker stays stopped
 * @param databaseOutage how long a service's database refuses connections
 * @param tail how long the stream goes on after the fault ends
 * @param rounds rounds of concurrent edits, votes, withdrawals and moderator actions on one review
 * @param settle the longest wait for every accepted review to be final and on its page
 */
record Scale(String name, int perSecond, Duration lead, Duration brokerOutage, Duration databaseOutage, Duration tail,
        int rounds,
        int voters, int films, int reviewers, Duration settle) {

    static final Scale CI = new Scale("ci", 5, Duration.ofSeconds(2), Duration.ofSeconds(8), Duration.ofSeconds(4),
            Duration.ofSeconds(2), 3, 8, 20, 50, Duration.ofSeconds(120));
    static final Scale LONG = new Scale("long", 20, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(20),
            Duration.ofSeconds(10), 20, 16, 60, 150, Duration.ofSeconds(300));

    static Scale fromSystemProperty() {
        return "long".equals(System.getProperty("filmreviews.faults.scale")) ? LONG : CI;
    }

    Duration streamAround(Duration fault) {
        return lead.plus(fault).plus(tail);
    }
}
