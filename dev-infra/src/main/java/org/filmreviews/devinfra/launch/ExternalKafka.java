package org.filmreviews.devinfra.launch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.filmreviews.events.EventType;
import org.filmreviews.events.Topics;

/** What {@code --fresh} does to a broker it did not start: the system's topics and consumer groups go. */
final class ExternalKafka {

    private ExternalKafka() {
    }

    /**
     * @param services the consuming services: their groups (moderation's per-channel ones and the
     *        dead-letter re-drive's included) and dead-letter topics go too
     */
    static void forgetEverything(String bootstrap, List<String> services) {
        List<String> consumerGroups = new ArrayList<>();
        for (String service : services) {
            consumerGroups.addAll(List.of(service, service + ".appeals", service + ".withdrawals", service + ".reports",
                    service + ".dead-letters"));
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<String> ours = new ArrayList<>();
            for (EventType type : EventType.values()) {
                ours.add(type.topic());
                ours.add(type.topic() + Topics.DLQ_SUFFIX); // shared by every consumer before each had its own
                for (String service : services) {
                    ours.add(Topics.deadLetter(service, type.topic()));
                }
            }
            ours.retainAll(existing);
            if (!ours.isEmpty()) {
                admin.deleteTopics(ours).all().get(60, TimeUnit.SECONDS);
            }
            admin.deleteConsumerGroups(consumerGroups).deletedGroups().values().forEach(f -> {
                try {
                    f.get(30, TimeUnit.SECONDS);
                } catch (Exception ignored) {
                    // a group that never existed
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException("Could not empty the topics on " + bootstrap, e);
        }
    }
}
