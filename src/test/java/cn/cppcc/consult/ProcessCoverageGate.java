package cn.cppcc.consult;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The build's process coverage gate, run by Maven after the tests ({@code verify}). The coverage
 * extension writes one report per test class; this merges them and fails the build unless every
 * flow node and every sequence flow of every model in {@code processes/} was taken by some test.
 *
 * <p>Arguments: the models folder and the reports folder.
 */
public final class ProcessCoverageGate {

    private ProcessCoverageGate() {
    }

    public static void main(String[] args) throws IOException {
        Path models = Path.of(args[0]);
        Path reports = Path.of(args[1]);
        Map<String, Set<String>> covered = new HashMap<>();
        Map<String, String> xmlByModel = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.exists(reports) ? Files.walk(reports) : Stream.empty()) {
            for (Path file : files.filter(f -> f.getFileName().toString().equals("report.json")).toList()) {
                JsonNode report = json.readTree(file.toFile());
                report.path("models").forEach(m -> xmlByModel.putIfAbsent(m.path("key").asText(), m.path("xml").asText()));
                report.path("suites").forEach(suite -> suite.path("runs").forEach(run -> run.path("events").forEach(e ->
                        covered.computeIfAbsent(e.path("modelKey").asText(), k -> new TreeSet<>())
                                .add(e.path("definitionKey").asText()))));
            }
        }
        List<String> failures = new ArrayList<>();
        Map<String, String> lines = new TreeMap<>();
        try (Stream<Path> files = Files.list(models)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
                String key = file.getFileName().toString().replace(".bpmn", "");
                BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(
                        Files.readString(file, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8)));
                Set<String> elements = new TreeSet<>();
                model.getModelElementsByType(FlowNode.class).forEach(n -> elements.add(n.getId()));
                model.getModelElementsByType(SequenceFlow.class).forEach(f -> elements.add(f.getId()));
                Set<String> missing = new TreeSet<>(elements);
                missing.removeAll(covered.getOrDefault(key, Set.of()));
                int done = elements.size() - missing.size();
                lines.put(key, "%-24s %3d/%3d  %5.1f%%".formatted(key, done, elements.size(), 100.0 * done / elements.size()));
                if (!missing.isEmpty()) {
                    failures.add(key + " 未覆盖：" + missing);
                }
            }
        }
        System.out.println("流程测试覆盖率（流程节点与顺序流）：");
        lines.values().forEach(line -> System.out.println("  " + line));
        if (!failures.isEmpty()) {
            failures.forEach(f -> System.out.println("  " + f));
            throw new IllegalStateException("流程测试覆盖率未达到100%：" + failures.size() + "个模型有未经测试的路径");
        }
    }
}
