package org.filmreviews.bench.pipeline;

import org.filmreviews.devinfra.launch.LocalSystem;
import org.filmreviews.devinfra.postgres.PostgresServer;

/**
 * The system under measurement and the raw servers it runs on: the baselines are taken on the same PostgreSQL
 * server (a scratch database of its own) and the same Kafka broker as the services use.
 *
 * @param catalogManagementUrl the catalog's management interface, where the bare GET of the baseline is served
 *     by the same JVM and HTTP server code as the pages
 * @param own the system when the bench started it (its services may be restarted), null for one ./run.sh started
 */
public record BenchTarget(String reviewUrl, String catalogUrl, String catalogManagementUrl, String kafkaBootstrap,
        PostgresServer postgres, LocalSystem own) {

    /** The scratch database of the PostgreSQL baselines. */
    static final String SCRATCH_DATABASE = "bench_scratch";

    public static BenchTarget of(LocalSystem system) {
        return new BenchTarget(system.url("review-service"), system.url("catalog-service"),
                system.managementUrl("catalog-service"), system.kafkaBootstrapServers(), system.postgres(), system);
    }
}
