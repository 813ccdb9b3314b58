package org.filmreviews.platform.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.filmreviews.events.Topics;
import org.filmreviews.events.Topics.Retention;
import org.filmreviews.platform.deadletter.DeadLetterRedrive;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * Creates the service's topics before its channels start, with the partition count and replication of
 * {@code filmreviews.topics.*} and the retention events' {@link Topics} gives each (unless that configuration
 * replaces it). The brokers here do not create topics on first use, so a typo in a
 * channel's configuration is an error rather than a silent new topic. Existing topics are left alone.
 */
@ApplicationScoped
public class TopicProvisioner {

    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);

    @Inject
    TopicsConfig config;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    DeadLetterRedrive deadLetters;

    private Map<String, String> topicConfig(String name, Set<String> compacted, Set<String> retained) {
        Map<String, String> settings = new HashMap<>();
        settings.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(config.minInsyncReplicas()));
        if (compacted.contains(name)) {
            settings.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        }
        if (retained.contains(name)) {
            settings.put(TopicConfig.RETENTION_MS_CONFIG, "-1");
        }
        return settings;
    }

    /** The topics among {@code names} that events' {@link Topics} says to keep so. */
    private static List<String> withRetention(List<String> names, Retention retention) {
        return names.stream().filter(name -> Topics.retention(name) == retention).toList();
    }

    /** Topics created earlier (by another service or by hand) get retention.ms=-1 where they lack it. */
    private static void keepEverything(Admin admin, List<String> topics) throws Exception {
        if (topics.isEmpty()) {
            return;
        }
        List<ConfigResource> resources = topics.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
        admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS).forEach((topic, current) -> {
            ConfigEntry retention = current.get(TopicConfig.RETENTION_MS_CONFIG);
            if (retention == null || !"-1".equals(retention.value())) {
                changes.put(topic, List.of(new AlterConfigOp(new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, "-1"),
                        AlterConfigOp.OpType.SET)));
            }
        });
        if (!changes.isEmpty()) {
            admin.incrementalAlterConfigs(changes).all().get(30, TimeUnit.SECONDS);
            LOG.infof("Topics %s now keep every record (retention.ms=-1)",
                    changes.keySet().stream().map(ConfigResource::name).toList());
        }
    }

    void provision(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent startup) {
        // The dead-letter topic of every input, kept until the letters are re-driven (or forever).
        List<String> deadLetterTopics = deadLetters.topics();
        List<String> names = new ArrayList<>(config.names().orElse(List.of()));
        names.addAll(deadLetterTopics);
        if (!config.provision() || names.isEmpty()) {
            return;
        }
        Set<String> compacted = Set.copyOf(config.compacted()
                .orElseGet(() -> withRetention(names, Retention.COMPACTED)));
        Set<String> retained = new HashSet<>(config.retained()
                .orElseGet(() -> withRetention(names, Retention.FOREVER)));
        retained.addAll(deadLetterTopics);
        Map<String, Object> adminConfig = BrokerConnection.settings(kafkaConfig);
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        try (Admin admin = Admin.create(adminConfig)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = names.stream().filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, config.partitions(), config.replicationFactor())
                            .configs(topicConfig(name, compacted, retained)))
                    .collect(Collectors.toList());
            for (NewTopic topic : missing) {
                try {
                    admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                    LOG.infof("Created topic %s (%d partitions, %s)", topic.name(), topic.numPartitions(), topic.configs());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            keepEverything(admin, names.stream().filter(retained::contains).filter(existing::contains).toList());
        } catch (Exception e) {
            // The service can still start: its channels report the missing topics through health checks.
            LOG.errorf(e, "Could not provision topics %s", names);
        }
    }
}
