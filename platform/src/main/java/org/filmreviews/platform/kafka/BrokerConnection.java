package org.filmreviews.platform.kafka;

import java.util.HashMap;
import java.util.Map;

/**
 * The part of the service's {@code kafka.*} configuration that any client of ours needs to reach the
 * broker: its address and the security settings (TLS, SASL). Clients built by hand (the outbox
 * producer, admin clients, the rebuild consumer) start from this and add their own settings.
 */
public final class BrokerConnection {

    private BrokerConnection() {
    }

    public static Map<String, Object> settings(Map<String, Object> kafkaConfig) {
        Map<String, Object> settings = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (key.equals("bootstrap.servers") || key.startsWith("security.") || key.startsWith("sasl.") || key.startsWith("ssl.")) {
                settings.put(key, value);
            }
        });
        return settings;
    }
}
