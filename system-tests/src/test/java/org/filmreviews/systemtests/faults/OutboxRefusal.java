package org.filmreviews.systemtests.faults;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.filmreviews.devinfra.launch.LocalSystem;
import org.filmreviews.events.Topics;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An outbox row the broker refuses for what it is: the submission topic is given a record size limit
 * below one long review (as an operator's mistake would), so that review's event cannot be sent while
 * every other one can. After the limit is raised again an admin releases the parked row.
 */
final class OutboxRefusal {

    private static final ConfigResource SUBMITTED = new ConfigResource(ConfigResource.Type.TOPIC, Topics.REVIEW_SUBMITTED);

    private final LocalSystem system;
    private final Cast cast;

    OutboxRefusal(LocalSystem system, Cast cast) {
        this.system = system;
        this.cast = cast;
    }

    void shrinkSubmittedTopic() throws Exception {
        alter(AlterConfigOp.OpType.SET, "3000");
    }

    void restoreSubmittedTopic() throws Exception {
        alter(AlterConfigOp.OpType.DELETE, "");
    }

    /** A review of about 7 KB (well within the API's limit, beyond the topic's), accepted by the API. */
    ReviewStream.Posted postTooLarge() {
        StringBuilder body = new StringBuilder();
        while (body.length() < 7000) {
            body.append(cast.reviewText()).append(' ');
        }
        ReviewStream.Posted review = new ReviewStream.Posted(cast.nextPair(), body.toString().trim());
        ReviewStream.post(cast, review, () -> System.nanoTime() + 1);
        if (!review.accepted()) {
            throw new IllegalStateException("The long review was not accepted: " + review.lastStatus + " " + review.lastAnswer);
        }
        return review;
    }

    /** Waits until review-service lists the review's outbox row as parked; returns how long after posting. */
    Duration awaitParked(ReviewStream.Posted review, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Http.Reply parked = Http.get(cast.reviewUrl + "/admin/outbox/parked", cast.adminToken);
            if (parked.status() == 200) {
                for (JsonNode row : parked.body()) {
                    if (review.id.equals(row.get("subject").asText())) {
                        return Duration.ofNanos(System.nanoTime() - review.firstTriedAt);
                    }
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The refused outbox row was not parked within " + timeout);
    }

    void releaseParked() {
        Cast.require(Http.send("POST", cast.reviewUrl + "/admin/outbox/parked/release", cast.adminToken, Map.of(), null), 200);
    }

    private void alter(AlterConfigOp.OpType op, String value) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", system.kafkaBootstrapServers()))) {
            Map<ConfigResource, Collection<AlterConfigOp>> change = Map.of(SUBMITTED,
                    List.of(new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, value), op)));
            admin.incrementalAlterConfigs(change).all().get(30, TimeUnit.SECONDS);
        }
        Thread.sleep(1000); // the broker applies a topic's new configuration asynchronously
    }
}
