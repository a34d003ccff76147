package io.zhibiao.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Renders every overlay of k8s/ with kubectl kustomize and parses each object with the Kubernetes object model: a
 * misspelt field, a missing probe or a broken invariant fails here, not in a cluster. Without kubectl the test is
 * skipped (README "Kubernetes").
 */
class KubernetesManifestsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final Map<String, Class<? extends HasMetadata>> MODELS = Map.of("v1/ConfigMap", ConfigMap.class,
            "v1/Service", Service.class, "v1/PersistentVolumeClaim", PersistentVolumeClaim.class, "apps/v1/Deployment",
            Deployment.class, "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class);

    /** CloudNativePG's Cluster is a custom resource: its spec is checked against the fields its API defines. */
    private static final Set<String> CNPG_CLUSTER_SPEC = Set.of("instances", "imageName", "primaryUpdateStrategy",
            "postgresql", "bootstrap", "storage", "walStorage", "resources", "affinity", "monitoring", "backup",
            "superuserSecret", "enableSuperuserAccess", "minSyncReplicas", "maxSyncReplicas", "description",
            "inheritedMetadata", "managed", "startDelay", "stopDelay", "switchoverDelay");

    @Test
    void everyOverlayRendersAndEveryObjectIsKnownToKubernetes() {
        for (String overlay : List.of("single", "postgres")) {
            List<JsonNode> objects = render(overlay);
            assertThat(objects).as(overlay).isNotEmpty();
            assertThat(problems(objects, overlay)).as("problems of overlay %s", overlay).isEmpty();
        }
    }

    @Test
    void aMisspeltFieldAMissingProbeAndAWritableRootAreCaught() {
        List<JsonNode> objects = render("postgres");
        ObjectNode container = (ObjectNode) deploymentOf(objects).at("/spec/template/spec/containers/0");
        container.set("readinesProbe", container.remove("readinessProbe"));
        container.remove("startupProbe");
        ((ObjectNode) container.get("securityContext")).put("readOnlyRootFilesystem", false);

        assertThat(problems(objects, "postgres"))
                .anyMatch(p -> p.contains("unknown field") && p.contains("readinesProbe"))
                .anyMatch(p -> p.contains("readinessProbe")).anyMatch(p -> p.contains("startupProbe"))
                .anyMatch(p -> p.contains("readOnlyRootFilesystem"));
    }

    @Test
    void aCommandThatReplacesTheImagesEntryPointIsCaught() {
        List<JsonNode> objects = render("postgres");
        ObjectNode container = (ObjectNode) deploymentOf(objects).at("/spec/template/spec/containers/0");
        container.putArray("command").add("java").add("-jar").add("/deployments/zhibiao.jar");

        assertThat(problems(objects, "postgres")).anyMatch(p -> p.contains("command") && p.contains("AOT cache"));
    }

    @Test
    void theProvinceRunsReplicasOnAPostgresClusterOfThree() {
        List<JsonNode> objects = render("postgres");
        Deployment deployment = parse(deploymentOf(objects), Deployment.class);
        assertThat(deployment.getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
        assertThat(one(objects, "HorizontalPodAutoscaler")).isNotNull();

        JsonNode cluster = one(objects, "Cluster");
        assertThat(cluster.path("apiVersion").asText()).isEqualTo("postgresql.cnpg.io/v1");
        assertThat(cluster.at("/spec/instances").asInt()).isEqualTo(3);
        String clusterName = cluster.at("/metadata/name").asText();
        String database = cluster.at("/spec/bootstrap/initdb/database").asText();

        Map<String, String> config = parse(one(objects, "ConfigMap"), ConfigMap.class).getData();
        assertThat(config.get("QUARKUS_DATASOURCE_JDBC_URL"))
                .isEqualTo("jdbc:postgresql://" + clusterName + "-rw:5432/" + database);
        Container app = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        for (String variable : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
            EnvVar env = app.getEnv().stream().filter(e -> e.getName().equals(variable)).findFirst().orElseThrow();
            assertThat(env.getValueFrom().getSecretKeyRef().getName()).as(variable).isEqualTo(clusterName + "-app");
        }
        assertThat(app.getImage()).isEqualTo(builtImage(""));
    }

    @Test
    void aCountyServerIsOneReplicaOnH2KeptOnAVolume() {
        List<JsonNode> objects = render("single");
        Deployment deployment = parse(deploymentOf(objects), Deployment.class);
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
        // H2 holds its file exclusively: a rolling update would start a second pod on the same file.
        assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("Recreate");
        assertThat(objects).noneMatch(o -> o.path("kind").asText().equals("HorizontalPodAutoscaler"));
        assertThat(parse(one(objects, "PodDisruptionBudget"), PodDisruptionBudget.class).getSpec().getMinAvailable())
                .as("a budget of one replica that may never go blocks every node drain").isNull();

        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        String claim = parse(one(objects, "PersistentVolumeClaim"), PersistentVolumeClaim.class).getMetadata()
                .getName();
        String volume = pod.getVolumes().stream()
                .filter(v -> v.getPersistentVolumeClaim() != null
                        && v.getPersistentVolumeClaim().getClaimName().equals(claim))
                .findFirst().orElseThrow().getName();
        String mountPath = pod.getContainers().get(0).getVolumeMounts().stream().filter(m -> m.getName().equals(volume))
                .findFirst().orElseThrow().getMountPath();
        assertThat(parse(one(objects, "ConfigMap"), ConfigMap.class).getData().get("QUARKUS_DATASOURCE_JDBC_URL"))
                .startsWith("jdbc:h2:file:" + mountPath + "/");
        assertThat(pod.getContainers().get(0).getImage()).isEqualTo(builtImage("-h2"));
    }

    // ---- rendering and parsing ----

    private static List<JsonNode> render(String overlay) {
        Path dir = Path.of("k8s", "overlays", overlay);
        assertThat(dir).isDirectory();
        Process process;
        try {
            process = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("kubectl is not installed: " + e.getMessage());
            throw new AssertionError(e);
        }
        try (InputStream out = process.getInputStream()) {
            String rendered = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("kubectl kustomize %s: %s", dir, rendered).isZero();
            List<JsonNode> objects = new ArrayList<>();
            try (var docs = YAML.readerFor(JsonNode.class).<JsonNode>readValues(rendered)) {
                docs.forEachRemaining(doc -> {
                    if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                        objects.add(doc);
                    }
                });
            }
            return objects;
        } catch (IOException e) {
            throw new AssertionError("could not read what kubectl kustomize rendered", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static <T> T parse(JsonNode object, Class<T> model) {
        return YAML.convertValue(object, model);
    }

    private static JsonNode one(List<JsonNode> objects, String kind) {
        List<JsonNode> found = objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
        assertThat(found).as("objects of kind %s", kind).hasSize(1);
        return found.get(0);
    }

    private static JsonNode deploymentOf(List<JsonNode> objects) {
        return one(objects, "Deployment");
    }

    /** The image src/main/docker/image.sh names (image.env), with the tag suffix of the overlay's database. */
    private static String builtImage(String tagSuffix) {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(Path.of("src/main/docker/image.env"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return properties.getProperty("IMAGE") + tagSuffix;
    }

    // ---- the checks ----

    /** Everything wrong with an overlay's objects, as readable lines; empty when the overlay is sound. */
    static List<String> problems(List<JsonNode> objects, String overlay) {
        List<String> problems = new ArrayList<>();
        for (JsonNode object : objects) {
            String kind = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
            String where = kind + " " + object.at("/metadata/name").asText();
            if (kind.equals("postgresql.cnpg.io/v1/Cluster")) {
                object.path("spec").fieldNames().forEachRemaining(field -> {
                    if (!CNPG_CLUSTER_SPEC.contains(field)) {
                        problems.add(where + ": unknown field spec." + field);
                    }
                });
                continue;
            }
            Class<? extends HasMetadata> model = MODELS.get(kind);
            if (model == null) {
                problems.add(where + ": a kind this test does not know; add its model");
                continue;
            }
            unknownFields(parse(object, model), where, problems);
        }
        JsonNode deployment = objects.stream().filter(o -> o.path("kind").asText().equals("Deployment")).findFirst()
                .orElse(null);
        if (deployment == null) {
            problems.add(overlay + ": no Deployment");
            return problems;
        }
        Deployment app = parse(deployment, Deployment.class);
        Map<String, String> podLabels = app.getSpec().getTemplate().getMetadata().getLabels();
        checkSelects("Deployment selector", app.getSpec().getSelector().getMatchLabels(), podLabels, problems);
        PodSpec pod = app.getSpec().getTemplate().getSpec();
        if (pod.getSecurityContext() == null || !Boolean.TRUE.equals(pod.getSecurityContext().getRunAsNonRoot())) {
            problems.add("pod: securityContext.runAsNonRoot must be true");
        }
        for (Container container : pod.getContainers()) {
            String name = "container " + container.getName();
            checkProbe(name, "readinessProbe", container.getReadinessProbe(), "/q/health/ready", problems);
            checkProbe(name, "livenessProbe", container.getLivenessProbe(), "/q/health/live", problems);
            checkProbe(name, "startupProbe", container.getStartupProbe(), "/q/health/started", problems);
            var security = container.getSecurityContext();
            if (security == null || !Boolean.TRUE.equals(security.getReadOnlyRootFilesystem())) {
                problems.add(name + ": securityContext.readOnlyRootFilesystem must be true");
            }
            if (security == null || !Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())) {
                problems.add(name + ": securityContext.allowPrivilegeEscalation must be false");
            }
            if (security == null || security.getCapabilities() == null
                    || !security.getCapabilities().getDrop().contains("ALL")) {
                problems.add(name + ": securityContext.capabilities must drop ALL");
            }
            if ((container.getCommand() != null && !container.getCommand().isEmpty())
                    || (container.getArgs() != null && !container.getArgs().isEmpty())) {
                problems.add(name + ": command and args replace the image's entry point, which starts the service with"
                        + " its AOT cache; set JDK_JAVA_OPTIONS to change JVM flags");
            }
            var resources = container.getResources();
            if (resources == null || resources.getRequests() == null
                    || !resources.getRequests().keySet().containsAll(Set.of("cpu", "memory"))
                    || resources.getLimits() == null || !resources.getLimits().containsKey("memory")) {
                problems.add(name + ": resources need cpu and memory requests and a memory limit");
            }
            boolean tmpMounted = container.getVolumeMounts() != null
                    && container.getVolumeMounts().stream().anyMatch(m -> m.getMountPath().equals("/tmp"));
            if (!tmpMounted) {
                problems.add(name + ": imports spool to /tmp, which a read-only root needs mounted");
            }
        }
        for (JsonNode object : objects) {
            switch (object.path("kind").asText()) {
                case "Service" ->
                    checkSelects("Service", parse(object, Service.class).getSpec().getSelector(), podLabels, problems);
                case "PodDisruptionBudget" -> checkSelects("PodDisruptionBudget",
                        parse(object, PodDisruptionBudget.class).getSpec().getSelector().getMatchLabels(), podLabels,
                        problems);
                case "NetworkPolicy" -> checkSelects("NetworkPolicy",
                        parse(object, NetworkPolicy.class).getSpec().getPodSelector().getMatchLabels(), podLabels,
                        problems);
                case "HorizontalPodAutoscaler" -> {
                    var hpa = parse(object, HorizontalPodAutoscaler.class).getSpec();
                    if (!hpa.getScaleTargetRef().getName().equals(app.getMetadata().getName())) {
                        problems.add("HorizontalPodAutoscaler scales " + hpa.getScaleTargetRef().getName());
                    }
                    if (hpa.getMetrics().stream()
                            .noneMatch(m -> m.getResource() != null && m.getResource().getName().equals("cpu"))) {
                        problems.add("HorizontalPodAutoscaler: no CPU metric");
                    }
                }
                default -> {
                }
            }
        }
        return problems;
    }

    private static void checkProbe(String container, String kind, Probe probe, String path, List<String> problems) {
        if (probe == null || probe.getHttpGet() == null) {
            problems.add(container + ": no " + kind);
        } else if (!path.equals(probe.getHttpGet().getPath())) {
            problems.add(container + ": " + kind + " asks " + probe.getHttpGet().getPath() + ", not " + path);
        }
    }

    private static void checkSelects(String what, Map<String, String> selector, Map<String, String> podLabels,
            List<String> problems) {
        if (selector == null || selector.isEmpty()) {
            problems.add(what + ": selects every pod");
        } else if (!podLabels.entrySet().containsAll(selector.entrySet())) {
            problems.add(what + ": " + selector + " does not select the pods " + podLabels);
        }
    }

    /**
     * The object model keeps fields it does not know in additionalProperties instead of failing; any entry there is a
     * field Kubernetes would reject or ignore.
     */
    private static void unknownFields(Object model, String where, List<String> problems) {
        if (model == null) {
            return;
        }
        if (model instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, where + "[" + i++ + "]", problems);
            }
            return;
        }
        if (model instanceof Map<?, ?> map) {
            map.forEach((key, value) -> unknownFields(value, where + "." + key, problems));
            return;
        }
        if (!model.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : model.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(model);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                ((Map<?, ?>) Objects.requireNonNullElse(value, Map.of())).keySet()
                        .forEach(field -> problems.add(where + ": unknown field " + field));
            } else {
                String field = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
                unknownFields(value, where + "." + field, problems);
            }
        }
    }
}
