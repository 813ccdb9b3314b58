package org.filmreviews.moderation.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.filmreviews.devinfra.test.EventTestClient;
import org.filmreviews.devinfra.test.RealInfraTestResource;
import org.filmreviews.events.ReviewSubmitted;
import org.filmreviews.moderation.Fixtures;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A burst of submissions is moderated in a few transactions, not one each: the inbox stamps every event with
 * its transaction's start ({@code now()}), so the distinct stamps of the burst count the transactions that
 * applied it.
 */
@QuarkusTest
class BatchedConsumptionTest {

    private static final int BURST = 200;

    @Inject
    EntityManager entityManager;

    @Test
    void aBurstOfSubmissionsIsModeratedInAFewTransactionsAndEveryOneIsDecidedOnce() {
        UUID film = UUID.randomUUID();
        List<ReviewSubmitted> burst = IntStream.range(0, BURST)
                .mapToObj(i -> Fixtures.submission(film, "burst-" + i,
                        "Review number " + i + " of the burst: the score carries it, "
                                + "the pacing drags in the middle and the ending lands."))
                .toList();
        List<String> eventIds;
        try (EventTestClient kafka = new EventTestClient(RealInfraTestResource.bootstrapServers())) {
            eventIds = kafka.publishAll(burst, review -> film.toString(),
                    review -> ((ReviewSubmitted) review).reviewId().toString());
        }

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> count(
                        "SELECT count(*) FROM inbox_event WHERE consumer = 'moderation.cases' AND event_id IN (:ids)",
                        eventIds) == BURST);

        long transactions = count("SELECT count(DISTINCT processed_at) FROM inbox_event"
                + " WHERE consumer = 'moderation.cases' AND event_id IN (:ids)", eventIds);
        long cases = count("SELECT count(*) FROM moderation_case WHERE film_id = CAST(:film AS uuid)",
                List.of(film.toString()));
        assertThat(cases).as("one case for each version").isEqualTo(BURST);
        assertThat(transactions).as("transactions that applied %d submissions", BURST).isLessThanOrEqualTo(BURST / 5);
    }

    private long count(String sql, List<String> values) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = entityManager.createNativeQuery(sql);
            if (sql.contains(":ids")) {
                query.setParameter("ids", values);
            } else {
                query.setParameter("film", values.get(0));
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }
}
