package org.filmreviews.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * The Kubernetes manifests the services' builds write ({@code target/kubernetes/kubernetes.yml}, by quarkus-kubernetes
 * from the block at the end of each {@code application.properties}), read into Kubernetes' own model (fabric8's, the
 * one they are written with) by a mapper that refuses every field the model does not know, then held against what the
 * services serve and what {@code docker-compose.yml} gives them.
 * <p>
 * A plain test run by surefire: the reactor packages the services before this module (they are dependencies of it),
 * so {@code mvn package} or {@code mvn verify} checks the manifests just written. {@code mvn test} packages nothing;
 * then the test is skipped rather than read manifests of an older build, or none.
 */
class KubernetesManifestsTest {

    private static final List<String> SERVICES = List.of("review-service", "moderation-service", "catalog-service");
    private static final Path PROJECT = Path.of(System.getProperty("filmreviews.project.dir", "..")).toAbsolutePath()
            .normalize();

    /** Everything a manifest may hold: a service needs no more than plain Kubernetes (no operator's resources, no Jobs). */
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "Deployment", Deployment.class, "Service", Service.class, "ServiceAccount", ServiceAccount.class);

    /**
     * fabric8's classes take any field they do not know into a map of "additional properties" (a {@code JsonAnySetter}),
     * so a misspelt {@code readinesProbe} would pass unnoticed, and Kubernetes would ignore it just as quietly. With
     * any-setters not recognised, an unknown field is an unknown property, and the mapper fails on those.
     */
    private static final ObjectMapper STRICT = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .annotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated annotated) {
                    return null;
                }
            })
            .build();

    private static final Map<String, List<HasMetadata>> MANIFESTS = new LinkedHashMap<>();

    @BeforeAll
    static void readTheManifests() {
        for (String service : SERVICES) {
            Path packaged = PROJECT.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
            Assumptions.assumeTrue(Files.isRegularFile(packaged),
                    service + " is not packaged (mvn test alone): no manifest of this build to check");
            Path manifest = PROJECT.resolve(service).resolve("target/kubernetes/kubernetes.yml");
            assertThat(manifest).as("the manifest of the packaged " + service).isRegularFile();
            MANIFESTS.put(service, read(manifest));
        }
    }

    @Test
    void everyServiceHasADeploymentAndAServiceOfItsOwnAndNothingPlainKubernetesLacks() {
        for (String service : SERVICES) {
            List<HasMetadata> resources = MANIFESTS.get(service);
            assertThat(resources).as(service).filteredOn(r -> r instanceof Deployment).singleElement()
                    .satisfies(d -> assertThat(d.getMetadata().getName()).isEqualTo(service));
            assertThat(resources).as(service).filteredOn(r -> r instanceof Service).singleElement()
                    .satisfies(s -> assertThat(s.getMetadata().getName()).isEqualTo(service));

            Deployment deployment = deployment(service);
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            Map<String, String> selector = deployment.getSpec().getSelector().getMatchLabels();
            assertThat(podLabels).as(service + "'s pods carry its selector").containsAllEntriesOf(selector);
            // A selector cannot change: with the version in it, the next version could not be rolled out over this one.
            assertThat(selector).as(service + "'s selector").isNotEmpty().doesNotContainKey("app.kubernetes.io/version");

            Service front = service(service);
            assertThat(podLabels).as("the pods " + service + "'s Service selects")
                    .containsAllEntriesOf(front.getSpec().getSelector());
            ServicePort http = front.getSpec().getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst()
                    .orElseThrow(() -> new AssertionError(service + "'s Service has no port named http"));
            assertThat(containerPort(http.getTargetPort(), container(service)))
                    .as(service + "'s Service sends to its API port").isEqualTo(intProperty(service, "quarkus.http.port"));
            assertThat(front.getSpec().getPorts()).as(service + "'s Service publishes the API only, not the management port")
                    .noneMatch(p -> containerPort(p.getTargetPort(), container(service)) == intProperty(service,
                            "quarkus.management.port"));
        }
    }

    @Test
    void theProbesAskTheManagementPortForHealthEndpointsTheServiceServes() {
        for (String service : SERVICES) {
            Container container = container(service);
            int management = intProperty(service, "quarkus.management.port");
            assertThat(container.getPorts()).as(service + "'s ports")
                    .anySatisfy(p -> assertThat(p).extracting(ContainerPort::getName, ContainerPort::getContainerPort)
                            .containsExactly("management", management));
            // SmallRye Health under the management interface's root: /q/health/live, /ready and /started.
            String health = "/" + strip(property(service, "quarkus.management.root-path").orElse("q")) + "/"
                    + strip(property(service, "quarkus.smallrye-health.root-path").orElse("health"));
            Map<String, Probe> probes = new LinkedHashMap<>();
            probes.put(health + "/live", container.getLivenessProbe());
            probes.put(health + "/ready", container.getReadinessProbe());
            probes.put(health + "/started", container.getStartupProbe());
            probes.forEach((path, probe) -> {
                assertThat(probe).as(service + "'s probe of " + path).isNotNull();
                assertThat(probe.getHttpGet()).as(service + "'s probe of " + path).isNotNull();
                assertThat(probe.getHttpGet().getPath()).as(service + "'s probe").isEqualTo(path);
                assertThat(probe.getHttpGet().getScheme()).as(service + "'s probe of " + path).isEqualTo("HTTP");
                assertThat(containerPort(probe.getHttpGet().getPort(), container)).as(service + "'s probe of " + path)
                        .isEqualTo(management);
            });
            // Readiness asks the database, which may take the pool's whole acquisition timeout (3 s) to say no.
            assertThat(container.getReadinessProbe().getTimeoutSeconds()).as(service + "'s readiness timeout, s")
                    .isGreaterThan(seconds(property(service, "quarkus.datasource.jdbc.acquisition-timeout").orElse("5s")));
            // The first start migrates the database: a minute at least before Kubernetes gives up on the pod.
            Probe startup = container.getStartupProbe();
            assertThat(startup.getInitialDelaySeconds() + startup.getPeriodSeconds() * startup.getFailureThreshold())
                    .as(service + "'s start-up allowance, s").isGreaterThanOrEqualTo(60);
        }
    }

    @Test
    void everyContainerAsksForCpuAndMemoryAndIsLimitedToNoLessThanItAsksFor() {
        for (String service : SERVICES) {
            var resources = container(service).getResources();
            assertThat(resources).as(service + "'s resources").isNotNull();
            Map<String, Quantity> requests = resources.getRequests();
            Map<String, Quantity> limits = resources.getLimits();
            assertThat(requests).as(service + "'s requests").containsKeys("cpu", "memory");
            assertThat(limits).as(service + "'s limits").containsKeys("cpu", "memory");
            for (String resource : List.of("cpu", "memory")) {
                assertThat(limits.get(resource).getNumericalAmount()).as(service + "'s " + resource + " limit")
                        .isGreaterThanOrEqualTo(requests.get(resource).getNumericalAmount());
            }
            // -Xmx is not set in the image: the heap is a share of the limit (MaxRAMPercentage), which needs room to be useful.
            assertThat(limits.get("memory").getNumericalAmount().longValue()).as(service + "'s memory limit, bytes")
                    .isGreaterThanOrEqualTo(512L * 1024 * 1024);
        }
    }

    @Test
    void everySettingDockerComposeGivesAServiceItsDeploymentGivesItToo() throws IOException {
        JsonNode compose = new YAMLMapper().readTree(PROJECT.resolve("docker-compose.yml").toFile());
        for (String service : SERVICES) {
            JsonNode environment = compose.path("services").path(service).path("environment");
            assertThat(environment.isObject()).as("docker-compose.yml gives " + service + " an environment").isTrue();
            List<String> needed = new ArrayList<>();
            environment.fieldNames().forEachRemaining(needed::add);
            assertThat(needed).as("what compose gives " + service).contains("KAFKA_BOOTSTRAP_SERVERS",
                    "QUARKUS_DATASOURCE_JDBC_URL");
            assertThat(env(service).keySet()).as("the environment of " + service + "'s Deployment").containsAll(needed);
        }
    }

    @Test
    void credentialsComeFromSecretsAndKeyFilesFromReadOnlyVolumesAndOnlyReviewServiceGetsTheSigningKey() {
        for (String service : SERVICES) {
            Map<String, EnvVar> env = env(service);
            for (String secret : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
                EnvVar variable = env.get(secret);
                assertThat(variable).as(service + " " + secret).isNotNull();
                assertThat(variable.getValue()).as(service + " " + secret + " written into the manifest").isNull();
                assertThat(variable.getValueFrom().getSecretKeyRef()).as(service + " " + secret + " from a Secret").isNotNull();
            }
            for (String setting : List.of("KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_DATASOURCE_JDBC_URL")) {
                EnvVar variable = env.get(setting);
                assertThat(variable).as(service + " " + setting).isNotNull();
                assertThat(variable.getValueFrom()).as(service + " " + setting + " from a ConfigMap").isNotNull();
                assertThat(variable.getValueFrom().getConfigMapKeyRef()).as(service + " " + setting + " from a ConfigMap")
                        .isNotNull();
            }

            assertKeyFileOnAVolume(service, env.get("FILMREVIEWS_JWT_PUBLIC_KEY"), false);
            if (service.equals("review-service")) {
                assertKeyFileOnAVolume(service, env.get("FILMREVIEWS_JWT_PRIVATE_KEY"), true);
            } else {
                assertThat(env).as(service + " signs no tokens").doesNotContainKey("FILMREVIEWS_JWT_PRIVATE_KEY");
                assertThat(deployment(service).getSpec().getTemplate().getSpec().getVolumes()).as(service + "'s volumes")
                        .noneMatch(v -> v.getSecret() != null);
            }
            // The user of the image (src/main/docker/Dockerfile.jvm, quarkus.jib.user), never root.
            var security = deployment(service).getSpec().getTemplate().getSpec().getSecurityContext();
            assertThat(security.getRunAsNonRoot()).as(service + " runs as non-root").isTrue();
            assertThat(security.getRunAsUser()).as(service + "'s user").isEqualTo(185L);
        }
    }

    @Test
    void aFieldTheModelDoesNotKnowIsRefusedSoThatAMisspeltSettingCannotPassUnnoticed() throws IOException {
        String container = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n  template:\n    spec:\n"
                + "      containers:\n        - name: x\n          %s:\n            httpGet:\n              path: /q/health/ready\n";
        assertThat(read(String.format(container, "readinessProbe"))).singleElement()
                .satisfies(d -> assertThat(((Deployment) d).getSpec().getTemplate().getSpec().getContainers().get(0)
                        .getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready"));
        assertThatThrownBy(() -> read(String.format(container, "readinesProbe")))
                .isInstanceOf(UnrecognizedPropertyException.class).hasMessageContaining("readinesProbe");
        assertThatThrownBy(() -> read("apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: x\n"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("ServiceMonitor");
    }

    private static void assertKeyFileOnAVolume(String service, EnvVar variable, boolean secret) {
        assertThat(variable).as(service + "'s key file variable").isNotNull();
        Path file = Path.of(variable.getValue());
        Container container = container(service);
        VolumeMount mount = container.getVolumeMounts().stream().filter(m -> file.startsWith(m.getMountPath())).findFirst()
                .orElseThrow(() -> new AssertionError(
                        service + ": nothing is mounted where " + variable.getName() + " points, " + file));
        assertThat(mount.getReadOnly()).as(service + "'s mount " + mount.getMountPath() + " read-only").isTrue();
        Volume volume = deployment(service).getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getName().equals(mount.getName())).findFirst()
                .orElseThrow(() -> new AssertionError(service + " mounts a volume it does not have: " + mount.getName()));
        if (secret) {
            assertThat(volume.getSecret()).as(service + ": " + variable.getName() + " from a Secret").isNotNull();
            // For the service's own user only (the pod's fsGroup lets it read); nobody else in the container.
            assertThat(volume.getSecret().getDefaultMode() & 0077).as(service + ": the signing key's mode, beyond its owner")
                    .isZero();
        } else {
            assertThat(volume.getConfigMap() != null || volume.getSecret() != null)
                    .as(service + ": " + variable.getName() + " from a ConfigMap or Secret").isTrue();
        }
    }

    private static List<HasMetadata> read(Path file) {
        try {
            return read(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of a (multi-document) YAML text, each into the model class of its kind. */
    private static List<HasMetadata> read(String yaml) throws IOException {
        List<HasMetadata> resources = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = STRICT.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document == null || document.isNull() || document.isMissingNode() || document.isEmpty()) {
                    continue;
                }
                String kind = document.path("kind").asText();
                Class<? extends HasMetadata> type = KINDS.get(kind);
                if (type == null) {
                    throw new AssertionError("A manifest holds a " + kind + ": not plain Kubernetes, or not expected here");
                }
                resources.add(STRICT.treeToValue(document, type));
            }
        }
        return resources;
    }

    private static Deployment deployment(String service) {
        return MANIFESTS.get(service).stream().filter(r -> r instanceof Deployment).map(Deployment.class::cast)
                .filter(d -> d.getMetadata().getName().equals(service)).findFirst().orElseThrow();
    }

    private static Service service(String service) {
        return MANIFESTS.get(service).stream().filter(r -> r instanceof Service).map(Service.class::cast)
                .filter(s -> s.getMetadata().getName().equals(service)).findFirst().orElseThrow();
    }

    private static Container container(String service) {
        PodSpec pod = deployment(service).getSpec().getTemplate().getSpec();
        assertThat(pod.getContainers()).as(service + "'s containers").hasSize(1);
        return pod.getContainers().get(0);
    }

    private static Map<String, EnvVar> env(String service) {
        Map<String, EnvVar> env = new LinkedHashMap<>();
        for (EnvVar variable : container(service).getEnv()) {
            assertThat(env.put(variable.getName(), variable)).as(service + ": " + variable.getName() + " set twice").isNull();
        }
        return env;
    }

    /** A port given as a number or by the name of one of the container's ports. */
    private static int containerPort(IntOrString port, Container container) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return container.getPorts().stream().filter(p -> port.getStrVal().equals(p.getName())).findFirst()
                .map(ContainerPort::getContainerPort)
                .orElseThrow(() -> new AssertionError("No port named " + port.getStrVal() + " in " + container.getName()));
    }

    private static Optional<String> property(String service, String key) {
        Properties properties = new Properties();
        try (Reader reader = Files
                .newBufferedReader(PROJECT.resolve(service).resolve("src/main/resources/application.properties"))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.ofNullable(properties.getProperty(key)).map(String::strip);
    }

    private static int intProperty(String service, String key) {
        return Integer.parseInt(property(service, key).orElseThrow(() -> new AssertionError(service + " sets no " + key)));
    }

    /** "3s", "500ms" or "1m" as whole seconds, rounded up. */
    private static int seconds(String duration) {
        java.time.Duration parsed = duration.endsWith("ms")
                ? java.time.Duration.ofMillis(Long.parseLong(duration.replace("ms", "")))
                : java.time.Duration.parse("PT" + duration.toUpperCase(java.util.Locale.ROOT));
        return (int) Math.ceil(parsed.toMillis() / 1000.0);
    }

    private static String strip(String path) {
        return path.replaceAll("^/+|/+$", "");
    }
}
