package org.filmreviews.devinfra.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ServiceEnvironmentTest {

    @Test
    void withoutACollectorTheServicesStartNoRecordedTrace() {
        assumeTrue(System.getenv(ServiceEnvironment.OTLP_ENDPOINT) == null, "the launcher's own environment names a collector");
        Map<String, String> env = new HashMap<>();
        ServiceEnvironment.chooseTracing(env);
        assertThat(env).containsEntry("FILMREVIEWS_TRACES_SAMPLE_RATIO", "0")
                .doesNotContainKey(ServiceEnvironment.OTLP_ENDPOINT);
    }

    @Test
    void withACollectorEveryTraceIsRecordedAndSentThere() {
        Map<String, String> env = new HashMap<>(Map.of(ServiceEnvironment.OTLP_ENDPOINT, "http://127.0.0.1:4318"));
        ServiceEnvironment.chooseTracing(env);
        assertThat(env).containsEntry(ServiceEnvironment.OTLP_ENDPOINT, "http://127.0.0.1:4318")
                .doesNotContainKey("FILMREVIEWS_TRACES_SAMPLE_RATIO");
    }

    @Test
    void aRatioGivenExplicitlyIsKept() {
        assumeTrue(System.getenv(ServiceEnvironment.OTLP_ENDPOINT) == null, "the launcher's own environment names a collector");
        Map<String, String> env = new HashMap<>(Map.of("FILMREVIEWS_TRACES_SAMPLE_RATIO", "0.5"));
        ServiceEnvironment.chooseTracing(env);
        assertThat(env).containsEntry("FILMREVIEWS_TRACES_SAMPLE_RATIO", "0.5");
    }
}
