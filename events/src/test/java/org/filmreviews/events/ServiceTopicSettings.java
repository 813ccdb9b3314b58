package org.filmreviews.events;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the services of this repository say about their topics, read from the files that decide it, so that the
 * AsyncAPI document can be checked against them: each service's {@code application.properties} (its name, the
 * topics it reads with their consumer groups, a channel's own or its connector's, {@code filmreviews.topics.*}), and
 * the defaults in platform's {@code TopicsConfig} and the header names in its {@code DeadLetters}.
 */
final class ServiceTopicSettings {

    /** One input of a service: the topic and the consumer group that reads it. */
    record Input(String service, String topic, String group) {
        String deadLetterTopic() {
            return Topics.deadLetter(service, topic);
        }
    }

    private static final Path REPOSITORY = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize().getParent();
    private static final Pattern INCOMING_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic");

    private final Map<String, Properties> services;

    private ServiceTopicSettings(Map<String, Properties> services) {
        this.services = services;
    }

    /** The services of the repository: every module whose configuration reads a Kafka channel. */
    static ServiceTopicSettings read() {
        Map<String, Properties> services = new TreeMap<>();
        try (Stream<Path> modules = Files.list(REPOSITORY)) {
            for (Path module : modules.sorted().toList()) {
                Path file = module.resolve("src/main/resources/application.properties");
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                Properties properties = new Properties();
                try (Reader in = Files.newBufferedReader(file)) {
                    properties.load(in);
                }
                String name = properties.getProperty("quarkus.application.name");
                if (name != null
                        && properties.stringPropertyNames().stream().anyMatch(k -> INCOMING_TOPIC.matcher(k).matches())) {
                    services.put(name, properties);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (services.isEmpty()) {
            throw new IllegalStateException("No service configuration with Kafka inputs under " + REPOSITORY);
        }
        return new ServiceTopicSettings(services);
    }

    Set<String> services() {
        return services.keySet();
    }

    /** Every input of every service (profile-specific keys, {@code %test.} and the like, left out). */
    List<Input> inputs() {
        List<Input> inputs = new ArrayList<>();
        services.forEach((service, properties) -> {
            for (String key : new TreeSet<>(properties.stringPropertyNames())) {
                Matcher channel = INCOMING_TOPIC.matcher(key);
                if (channel.matches()) {
                    // The channel's own group.id only: each channel must name it (see the services' properties)
                    String group = properties.getProperty("mp.messaging.incoming." + channel.group(1) + ".group.id");
                    inputs.add(new Input(service, properties.getProperty(key).trim(), group == null ? null : group.trim()));
                }
            }
        });
        return inputs;
    }

    /**
     * The topics the services create with a retention, as platform's {@code TopicProvisioner} decides it: of the
     * topics a service names ({@code filmreviews.topics.names}), those events' {@link Topics} gives that retention,
     * unless the service's own list ({@code filmreviews.topics.compacted} or {@code .retained}) replaces them.
     */
    Set<String> createdWith(Topics.Retention retention, String replacingList) {
        Set<String> values = new TreeSet<>();
        services.values().forEach(properties -> {
            String replacing = properties.getProperty(replacingList);
            if (replacing != null) {
                values.addAll(list(replacing));
            } else {
                list(properties.getProperty("filmreviews.topics.names")).stream()
                        .filter(topic -> Topics.retention(topic) == retention).forEach(values::add);
            }
        });
        return values;
    }

    /**
     * A numeric {@code filmreviews.topics.*} setting: the value the services set, or else the default in platform's
     * {@code TopicsConfig} (read from its source, for instance {@code @WithDefault("6") int partitions()}).
     */
    int topicSetting(String key, String method) {
        Map<String, String> set = new LinkedHashMap<>();
        services.forEach((service, properties) -> {
            String value = properties.getProperty(key);
            if (value != null) {
                set.put(service, value.trim());
            }
        });
        if (set.size() == services.size() && set.values().stream().distinct().count() == 1) {
            return Integer.parseInt(set.values().iterator().next());
        }
        if (!set.isEmpty()) {
            throw new IllegalStateException("Services disagree on " + key + ": " + set);
        }
        String source = platformSource("kafka/TopicsConfig.java");
        Matcher declared = Pattern.compile("@WithDefault\\(\"(\\d+)\"\\)\\s*(?:int|short|long)\\s+" + method + "\\(\\)")
                .matcher(source);
        if (!declared.find()) {
            throw new IllegalStateException("No @WithDefault for " + method + "() in platform's TopicsConfig");
        }
        return Integer.parseInt(declared.group(1));
    }

    /** The header names declared in platform's {@code DeadLetters} ({@code public static final String X = "dead-letter-..."}). */
    List<String> deadLetterHeaders() {
        Matcher constant = Pattern.compile("public static final String \\w+ = \"(dead-letter-[a-z-]+)\";")
                .matcher(platformSource("deadletter/DeadLetters.java"));
        List<String> headers = new ArrayList<>();
        while (constant.find()) {
            headers.add(constant.group(1));
        }
        if (headers.isEmpty()) {
            throw new IllegalStateException("No dead-letter header names in platform's DeadLetters");
        }
        return headers;
    }

    private static String platformSource(String file) {
        Path path = REPOSITORY.resolve("platform/src/main/java/org/filmreviews/platform").resolve(file);
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }

    private static List<String> list(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
