package dev.flexfun.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.flexfun.server.config.FlexFunSettings;
import dev.flexfun.server.config.ServerSettings;
import dev.flexfun.server.config.Settings;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * deploy/k8s, parsed into fabric8's Kubernetes model classes (no cluster and no kustomize here), checked
 * against the server's settings: the Deployment's env must load as valid settings (secrets stood in for),
 * and probes, ports and the grace period must match what those settings make the server do.
 */
@Timeout(30)
class KubernetesManifestsTest {
    private static final Path K8S = Path.of("k8s");
    private static final Path BASE = K8S.resolve("base");
    private static final Path PRODUCTION = K8S.resolve("overlays/production");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** What Kubernetes needs after SIGTERM beyond shutdown_grace_sec: gRPC's 5 s to close, and a margin. */
    private static final Duration CLOSE_TIME = Duration.ofSeconds(5);

    private static <T> T read(Path file, Class<T> type) throws IOException {
        return YAML.readValue(file.toFile(), type);
    }

    private static Container container(Deployment deployment) {
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        assertEquals(1, containers.size());
        return containers.get(0);
    }

    private static int port(Container container, String name) {
        return container.getPorts().stream().filter(p -> name.equals(p.getName())).map(ContainerPort::getContainerPort)
                .findFirst().orElseThrow(() -> new AssertionError("no container port named " + name));
    }

    /** The env as the server sees it; values from the Secret are stood in for by valid ones. */
    private static Map<String, String> env(List<EnvVar> vars) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvVar var : vars) {
            if (var.getValueFrom() != null) {
                var ref = var.getValueFrom().getSecretKeyRef();
                assertNotNull(ref, var.getName() + " comes from a Secret");
                env.put(var.getName(), "[\"" + "secret-".repeat(8) + ref.getKey() + "\"]");
            } else {
                env.put(var.getName(), var.getValue());
            }
        }
        return env;
    }

    /** Strategic merge of env lists: by name, the patch wins. */
    private static List<EnvVar> merged(List<EnvVar> base, List<EnvVar> patch) {
        Map<String, EnvVar> byName = new LinkedHashMap<>();
        base.forEach(v -> byName.put(v.getName(), v));
        patch.forEach(v -> byName.put(v.getName(), v));
        return List.copyOf(byName.values());
    }

    private static void assertProbe(Probe probe, String path, Container container, int port) {
        assertEquals(path, probe.getHttpGet().getPath());
        IntOrString probePort = probe.getHttpGet().getPort();
        int resolved = probePort.getStrVal() != null ? port(container, probePort.getStrVal()) : probePort.getIntVal();
        assertEquals(port, resolved, path + " is probed where the health endpoints listen");
    }

    @Test
    void theDeploymentsEnvIsValidSettingsAndProbesAndPortsMatchThem() throws IOException {
        Deployment deployment = read(BASE.resolve("deployment.yaml"), Deployment.class);
        Container container = container(deployment);
        Settings settings = Settings.fromToml("", env(container.getEnv()));
        ServerSettings server = settings.server();
        Settings defaults = Settings.defaults();

        assertTrue(settings.flexfun().deferred(), "replicas behind one Service need deferred mode");
        assertEquals(defaults.server().listenPort(), server.listenPort());
        assertEquals(defaults.server().healthCheckPort(), server.healthCheckPort());
        assertEquals(defaults.server().metricsPort(), server.metricsPort());
        assertEquals("0.0.0.0", server.listenHost());
        assertEquals(server.listenPort(), port(container, "flight"));
        assertEquals(server.metricsPort(), port(container, "metrics"));
        assertEquals("0.0.0.0", server.healthCheckHost().orElseThrow(), "probes need the health endpoints on");
        assertProbe(container.getReadinessProbe(), "/ready", container, server.healthCheckPort());
        assertProbe(container.getLivenessProbe(), "/live", container, server.healthCheckPort());
        assertProbe(container.getStartupProbe(), "/ready", container, server.healthCheckPort());
        assertEquals(ServerSettings.AUTH_TOKEN, server.authenticationMethod());
        assertEquals(String.valueOf(deployment.getSpec().getTemplate().getMetadata().getAnnotations()
                .get("prometheus.io/port")), String.valueOf(server.metricsPort()));
    }

    @Test
    void theGracePeriodCoversShutdownGraceSec() throws IOException {
        Deployment deployment = read(BASE.resolve("deployment.yaml"), Deployment.class);
        Duration grace = Settings.fromToml("", env(container(deployment).getEnv())).server().shutdownGrace();
        assertEquals(Settings.defaults().server().shutdownGrace(), grace, "the server's default, stated in the env");
        long termination = deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
        assertTrue(termination >= grace.plus(CLOSE_TIME).toSeconds(), "Kubernetes must not SIGKILL before the server "
                + "has closed: " + termination + " s for a grace of " + grace.toSeconds() + " s");
        assertTrue(termination <= grace.plus(CLOSE_TIME).toSeconds() + 10, "but not keep a stuck pod much longer");
    }

    @Test
    void theContainerRunsAsTheImagesNonRootUserOnAReadOnlyRootFilesystem() throws IOException {
        Deployment deployment = read(BASE.resolve("deployment.yaml"), Deployment.class);
        var pod = deployment.getSpec().getTemplate().getSpec();
        Container container = container(deployment);
        Matcher uid = Pattern.compile("useradd [^\\n]*--uid (\\d+)").matcher(Files.readString(Path.of("../Dockerfile")));
        assertTrue(uid.find(), "the Dockerfile creates its user with a fixed uid");
        assertEquals(Long.parseLong(uid.group(1)), pod.getSecurityContext().getRunAsUser());
        assertTrue(pod.getSecurityContext().getRunAsNonRoot());
        assertTrue(container.getSecurityContext().getReadOnlyRootFilesystem());
        assertEquals(Boolean.FALSE, container.getSecurityContext().getAllowPrivilegeEscalation());
        assertEquals(List.of("ALL"), container.getSecurityContext().getCapabilities().getDrop());
        assertTrue(container.getVolumeMounts().stream().anyMatch(m -> m.getMountPath().equals("/tmp")),
                "a writable /tmp (the JVM and gRPC's native transport need one)");
        assertNotNull(container.getResources().getRequests().get("cpu"));
        assertEquals(container.getResources().getRequests().get("memory"),
                container.getResources().getLimits().get("memory"), "memory request = limit: no overcommit of Arrow buffers");
        assertTrue(container.getImage().startsWith("flexfun-server:"), "the image the Dockerfile's README builds");
    }

    @Test
    void tokensAndTicketKeysComeFromTheSecretItsExampleShows() throws IOException {
        Container container = container(read(BASE.resolve("deployment.yaml"), Deployment.class));
        Secret example = read(BASE.resolve("secret.example.yaml"), Secret.class);
        Map<String, String> fromSecret = new LinkedHashMap<>();
        for (EnvVar var : container.getEnv()) {
            if (var.getValueFrom() != null) {
                assertEquals(example.getMetadata().getName(), var.getValueFrom().getSecretKeyRef().getName());
                fromSecret.put(var.getName(), example.getStringData().get(var.getValueFrom().getSecretKeyRef().getKey()));
            }
        }
        assertEquals(List.of("GOODDATA_FLIGHT_ENUMERATED_TOKENS__TOKENS", "GOODDATA_FLIGHT_FLEXFUN__TICKET_KEYS"),
                List.copyOf(fromSecret.keySet()));
        Map<String, String> env = env(container.getEnv());
        env.putAll(fromSecret);
        FlexFunSettings settings = Settings.fromToml("", env).flexfun();
        assertEquals(1, settings.ticketKeys().size(), "the example's value is a TOML array the settings accept");
        assertTrue(kustomizeResources(BASE).stream().noneMatch(r -> r.contains("secret")),
                "the Secret is created by hand, never applied with placeholder values");
    }

    @Test
    void serviceHpaAndPdbSelectTheDeployment() throws IOException {
        Deployment deployment = read(BASE.resolve("deployment.yaml"), Deployment.class);
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        Container container = container(deployment);
        Settings settings = Settings.fromToml("", env(container.getEnv()));

        Service service = read(BASE.resolve("service.yaml"), Service.class);
        assertTrue(podLabels.entrySet().containsAll(service.getSpec().getSelector().entrySet()));
        ServicePort flight = service.getSpec().getPorts().stream().filter(p -> p.getName().equals("flight")).findFirst()
                .orElseThrow();
        assertEquals(settings.server().listenPort(), port(container, flight.getTargetPort().getStrVal()));
        assertEquals(service.getMetadata().getName(), settings.server().advertiseHost(), "replicas advertise the Service");
        assertEquals(flight.getPort(), settings.server().advertisePort().orElseThrow());

        HorizontalPodAutoscaler hpa = read(BASE.resolve("hpa.yaml"), HorizontalPodAutoscaler.class);
        assertEquals("Deployment", hpa.getSpec().getScaleTargetRef().getKind());
        assertEquals(deployment.getMetadata().getName(), hpa.getSpec().getScaleTargetRef().getName());
        assertTrue(hpa.getSpec().getMinReplicas() >= 2, "the PDB lets one go: keep at least two");
        assertTrue(hpa.getSpec().getMinReplicas() <= hpa.getSpec().getMaxReplicas());

        PodDisruptionBudget pdb = read(BASE.resolve("pdb.yaml"), PodDisruptionBudget.class);
        assertTrue(podLabels.entrySet().containsAll(pdb.getSpec().getSelector().getMatchLabels().entrySet()));
        assertEquals(1, pdb.getSpec().getMaxUnavailable().getIntVal());
        assertEquals(podLabels, deployment.getSpec().getSelector().getMatchLabels());
        for (String resource : kustomizeResources(BASE)) {
            assertTrue(Files.isRegularFile(BASE.resolve(resource)), resource);
        }
    }

    @Test
    void theProductionOverlayAdvertisesTheIngressAndStaysValid() throws IOException {
        Deployment base = read(BASE.resolve("deployment.yaml"), Deployment.class);
        JsonNode kustomization = YAML.readTree(PRODUCTION.resolve("kustomization.yaml").toFile());
        for (JsonNode patch : kustomization.get("patches")) {
            assertTrue(Files.isRegularFile(PRODUCTION.resolve(patch.get("path").asText())), patch.toString());
        }
        assertEquals("flexfun-server", kustomization.get("images").get(0).get("name").asText(),
                "the image override names the base's image");
        Deployment patch = read(PRODUCTION.resolve("deployment-patch.yaml"), Deployment.class);
        assertEquals(base.getMetadata().getName(), patch.getMetadata().getName());
        assertEquals(container(base).getName(), container(patch).getName(), "the patch merges into the container");
        Settings settings = Settings.fromToml("", env(merged(container(base).getEnv(), container(patch).getEnv())));
        assertTrue(settings.flexfun().deferred());

        Ingress ingress = read(PRODUCTION.resolve("ingress.yaml"), Ingress.class);
        var rule = ingress.getSpec().getRules().get(0);
        assertEquals(rule.getHost(), settings.server().advertiseHost(), "every replica advertises the ingress");
        assertEquals(443, settings.server().advertisePort().orElseThrow());
        assertEquals(List.of(rule.getHost()), ingress.getSpec().getTls().get(0).getHosts(), "TLS on 443");
        assertEquals("GRPC", ingress.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/backend-protocol"));
        IngressServiceBackend backend = rule.getHttp().getPaths().get(0).getBackend().getService();
        Service service = read(BASE.resolve("service.yaml"), Service.class);
        assertEquals(service.getMetadata().getName(), backend.getName());
        assertTrue(service.getSpec().getPorts().stream().anyMatch(p -> p.getName().equals(backend.getPort().getName())));

        HorizontalPodAutoscaler hpa = read(PRODUCTION.resolve("hpa-patch.yaml"), HorizontalPodAutoscaler.class);
        assertTrue(hpa.getSpec().getMinReplicas() >= patch.getSpec().getReplicas()
                || hpa.getSpec().getMinReplicas() >= 2);
        assertTrue(hpa.getSpec().getMinReplicas() <= hpa.getSpec().getMaxReplicas());
        assertTrue(kustomizeResources(PRODUCTION).contains("../../base"));
    }

    private static List<String> kustomizeResources(Path dir) throws IOException {
        JsonNode resources = YAML.readTree(dir.resolve("kustomization.yaml").toFile()).get("resources");
        return java.util.stream.StreamSupport.stream(resources.spliterator(), false).map(JsonNode::asText).toList();
    }
}
