package org.filmreviews.platform.kafka;

import java.util.HashMap;
import java.util.Map;

/**
 * The part of the service's {@code kafka.*} configuration that any client of ours needs to reach the
 * broker: its address and the security settings (TLS, SASL). Clients built by hand (the outbox
 * producer, the dead-letter producer, admin clients, the re-drive and rebuild consumers) start from this
 * and add their own settings.
 * <p>
 * The map given is Quarkus' {@code default-kafka-broker} bean: every {@code kafka.*} property and every
 * {@code KAFKA_*} environment variable, prefix dropped and {@code _} read as {@code .}
 * ({@code KAFKA_SASL_JAAS_CONFIG} is {@code sasl.jaas.config}). The SmallRye Kafka connector gives the same
 * map to every channel, so the channels and these clients authenticate the same way from one setting:
 * {@code security.protocol}, {@code sasl.*} (SCRAM, OAUTHBEARER), {@code ssl.*} (mutual TLS with a key
 * store), or {@code tls-configuration-name} (a named configuration of Quarkus' TLS registry, which Quarkus
 * turns into {@code ssl.engine.factory.class} plus that name).
 */
public final class BrokerConnection {

    /** The key under which Quarkus passes the name of a TLS registry configuration to its SSL engine factory. */
    static final String TLS_CONFIGURATION_NAME = "tls-configuration-name";

    private BrokerConnection() {
    }

    public static Map<String, Object> settings(Map<String, Object> kafkaConfig) {
        Map<String, Object> settings = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (isConnectionSetting(key)) {
                settings.put(key, value);
            }
        });
        return settings;
    }

    static boolean isConnectionSetting(String key) {
        return key.equals("bootstrap.servers") || key.equals(TLS_CONFIGURATION_NAME)
                || key.startsWith("security.") || key.startsWith("sasl.") || key.startsWith("ssl.");
    }
}
