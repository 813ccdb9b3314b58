package org.filmreviews.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.quarkus.kafka.client.runtime.KafkaRuntimeConfigProducer;
import io.quarkus.runtime.ApplicationConfig;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The broker's security settings, given once as {@code kafka.*} properties or {@code KAFKA_*} environment
 * variables, reach the clients the services build by hand, exactly as they reach the connector's channels
 * (both start from Quarkus' {@code default-kafka-broker} map). No Quarkus start, no broker.
 */
class BrokerConnectionTest {

    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"review-service\" password=\"s3cret\";";

    /** What the three services' application.properties say about Kafka, plus an operator's environment. */
    private static Map<String, Object> defaultKafkaBroker(Map<String, String> environment) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(Map.of(
                        "quarkus.application.name", "review-service",
                        "kafka.bootstrap.servers", "127.0.0.1:9092",
                        "quarkus.kafka.devservices.enabled", "false",
                        "mp.messaging.connector.smallrye-kafka.session.timeout.ms", "10000"), "application.properties", 250))
                .withSources(new EnvConfigSource(environment, 300))
                .build();
        return new KafkaRuntimeConfigProducer().createKafkaRuntimeConfig(config, new ApplicationConfig() {
            @Override
            public Optional<String> name() {
                return Optional.of("review-service");
            }

            @Override
            public Optional<String> version() {
                return Optional.empty();
            }

            @Override
            public Optional<String> uiHeader() {
                return Optional.empty();
            }
        });
    }

    @Test
    void saslScramFromTheEnvironmentReachesEveryHandBuiltClient() {
        Map<String, Object> kafka = defaultKafkaBroker(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "broker.internal:9096",
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_JAAS_CONFIG", JAAS,
                "KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka/truststore.p12",
                "KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12"));

        Map<String, Object> settings = BrokerConnection.settings(kafka);

        assertThat(settings).containsOnly(
                Map.entry("bootstrap.servers", "broker.internal:9096"),
                Map.entry("security.protocol", "SASL_SSL"),
                Map.entry("sasl.mechanism", "SCRAM-SHA-512"),
                Map.entry("sasl.jaas.config", JAAS),
                Map.entry("ssl.truststore.location", "/etc/kafka/truststore.p12"),
                Map.entry("ssl.truststore.type", "PKCS12"));
        // What is not about the connection stays out: Quarkus adds the application name as group.id.
        assertThat(kafka).containsEntry("group.id", "review-service");

        // Each kind of client the services build by hand reads them as its own settings.
        Map<String, Object> producer = new HashMap<>(settings);
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        Map<String, Object> consumer = new HashMap<>(settings);
        consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        for (var parsed : new org.apache.kafka.common.config.AbstractConfig[]{
                new ProducerConfig(producer), new ConsumerConfig(consumer), new AdminClientConfig(settings)}) {
            assertThat(parsed.getString(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG)).isEqualTo("SASL_SSL");
            assertThat(parsed.getString(SaslConfigs.SASL_MECHANISM)).isEqualTo("SCRAM-SHA-512");
            assertThat(parsed.getPassword(SaslConfigs.SASL_JAAS_CONFIG)).isEqualTo(new Password(JAAS));
            assertThat(parsed.getString(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG)).isEqualTo("/etc/kafka/truststore.p12");
            assertThat(parsed.getList(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)).containsExactly("broker.internal:9096");
        }
    }

    @Test
    void withoutSecuritySettingsTheClientsStayOnPlaintextAsBefore() {
        Map<String, Object> settings = BrokerConnection.settings(defaultKafkaBroker(Map.of()));

        assertThat(settings).containsOnly(Map.entry("bootstrap.servers", "127.0.0.1:9092"));
    }

    @Test
    void mutualTlsWithAKeyStoreOrAQuarkusTlsConfigurationIsPassedOn() {
        Map<String, Object> keyStore = BrokerConnection.settings(defaultKafkaBroker(Map.of(
                "KAFKA_SECURITY_PROTOCOL", "SSL",
                "KAFKA_SSL_KEYSTORE_LOCATION", "/etc/kafka/review-service.p12",
                "KAFKA_SSL_KEYSTORE_PASSWORD", "changeit",
                "KAFKA_SSL_KEYSTORE_TYPE", "PKCS12")));
        assertThat(keyStore).containsEntry("security.protocol", "SSL")
                .containsEntry("ssl.keystore.location", "/etc/kafka/review-service.p12")
                .containsEntry("ssl.keystore.password", "changeit")
                .containsEntry("ssl.keystore.type", "PKCS12");

        // kafka.tls-configuration-name: Quarkus' SSL engine factory needs the name beside its class.
        Map<String, Object> registry = BrokerConnection.settings(defaultKafkaBroker(Map.of(
                "KAFKA_SECURITY_PROTOCOL", "SSL",
                "KAFKA_TLS_CONFIGURATION_NAME", "kafka")));
        assertThat(registry).containsEntry("tls-configuration-name", "kafka")
                .containsEntry("ssl.engine.factory.class", "io.quarkus.kafka.client.tls.QuarkusKafkaSslEngineFactory");
    }

    @Test
    void aRealClientLogsInWithTheScramSettingsAndRefusesAnIncompleteOne() {
        Map<String, Object> config = new HashMap<>(BrokerConnection.settings(defaultKafkaBroker(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1",
                "KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_JAAS_CONFIG", JAAS))));
        // A consumer opens no connection before it polls; building it sets up its SASL login.
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer()).close();

        config.remove("sasl.jaas.config");
        assertThatThrownBy(() -> new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer()).close())
                .isInstanceOf(KafkaException.class)
                .hasStackTraceContaining("'KafkaClient' entry");
    }
}
