package org.filmreviews.catalog.messaging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.filmreviews.events.Topics;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * The page data can be rebuilt from the review topics only while they still hold every record, and
 * Kafka deletes records after a week unless told otherwise. These topics are keyed by film, so
 * compaction would lose reviews; they must keep everything (retention.ms=-1). At start-up this sets
 * that on the topics the catalog rebuilds from, where it is not set yet.
 * <p>
 * It belongs with topic provisioning in the platform module (a retention setting per topic, applied by
 * the service that owns the topic); until then the catalog, which depends on it, sees to it. Off with
 * {@code catalog.rebuild.keep-source-topics=false} where a platform team manages topic settings.
 */
@ApplicationScoped
public class ReplayableTopics {

    private static final Logger LOG = Logger.getLogger(ReplayableTopics.class);
    private static final List<String> SOURCES = List.of(Topics.REVIEW_DECIDED, Topics.REVIEW_WITHDRAWN, Topics.REVIEW_VOTED);

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @ConfigProperty(name = "catalog.rebuild.keep-source-topics", defaultValue = "true")
    boolean keepSourceTopics;

    void keepRecords(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 1) StartupEvent startup) {
        if (!keepSourceTopics) {
            return;
        }
        Map<String, Object> adminConfig = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (key.equals("bootstrap.servers") || key.startsWith("security.") || key.startsWith("sasl.") || key.startsWith("ssl.")) {
                adminConfig.put(key, value);
            }
        });
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        try (Admin admin = Admin.create(adminConfig)) {
            List<ConfigResource> topics = SOURCES.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
            Map<ConfigResource, Config> current = admin.describeConfigs(topics).all().get(30, TimeUnit.SECONDS);
            Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
            List<String> changed = new ArrayList<>();
            current.forEach((topic, config) -> {
                ConfigEntry retention = config.get(TopicConfig.RETENTION_MS_CONFIG);
                if (retention == null || !"-1".equals(retention.value())) {
                    changes.put(topic, List.of(new AlterConfigOp(new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, "-1"),
                            AlterConfigOp.OpType.SET)));
                    changed.add(topic.name());
                }
            });
            if (!changes.isEmpty()) {
                admin.incrementalAlterConfigs(changes).all().get(30, TimeUnit.SECONDS);
                LOG.infof("Topics %s now keep their records (retention.ms=-1) so the page data can be rebuilt from them", changed);
            }
        } catch (Exception e) {
            // The service works without it; only a rebuild after the retention time would miss old events.
            LOG.warnf(e, "Could not make sure that %s keep their records; a rebuild may miss events older than their retention",
                    SOURCES);
        }
    }
}
