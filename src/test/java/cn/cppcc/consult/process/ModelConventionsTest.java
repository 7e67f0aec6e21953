package cn.cppcc.consult.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cppcc.consult.assessment.AssessmentProcess;
import cn.cppcc.consult.consultation.ConsultationProcess;
import cn.cppcc.consult.intake.TopicIntakeProcess;
import cn.cppcc.consult.plan.AnnualPlanProcess;
import cn.cppcc.consult.plan.EmergencyTopicProcess;
import cn.cppcc.consult.plan.TemporaryTopicProcess;
import cn.cppcc.consult.support.ConsultTest;
import cn.cppcc.consult.transfer.TransferProcess;
import cn.cppcc.consult.transfer.assignment.AssignmentProcess;
import cn.cppcc.consult.transfer.escalation.EscalationProcess;
import cn.cppcc.consult.transfer.feedback.FeedbackProcess;
import cn.cppcc.consult.transfer.inquiry.InquiryProcess;

/**
 * What Camunda Modeler 5 for Camunda 7.24 needs to open the models without problems, and what
 * this project's conventions ask of them: diagram interchange complete, execution platform set,
 * every element named in Chinese, no generated ids, gateways that decide for every value, forms
 * that exist and deploy with their diagram, and delegates that are beans of this application.
 */
@ConsultTest
class ModelConventionsTest {

    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    private static final Pattern GENERATED_ID = Pattern.compile("_[0-9a-z]{7}$");
    private static final Pattern NAMED_ID = Pattern.compile(
            "^(Task|Gateway|Flow|Event|StartEvent|EndEvent|CallActivity|SubProcess|TimerEventDefinition)_[A-Z][A-Za-z0-9]+$");
    private static final Pattern BEAN = Pattern.compile("\\$\\{(\\w+)[.}]");
    private static final Path PROCESSES = Path.of("processes");
    private static final Path FORMS = Path.of("forms");

    /** What an expression may name besides beans: the engine's own and the processes' declared variables. */
    private static final Set<String> KNOWN_VARIABLES = knownVariables();

    @Autowired ApplicationContext context;

    @Test
    void everyBpmnModelOpensInTheModelerAndFollowsTheConventions() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : files(PROCESSES, ".bpmn")) {
            String xml = Files.readString(file);
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            Bpmn.validateModel(model);
            String name = file.getFileName().toString();
            checkExecutionPlatform(name, xml, problems);

            List<Process> processes = List.copyOf(model.getModelElementsByType(Process.class));
            if (processes.size() != 1 || !name.equals(processes.get(0).getId() + ".bpmn")) {
                problems.add(name + ": 文件名须与唯一的流程 id 相同");
            }
            for (Process process : processes) {
                if (process.getCamundaHistoryTimeToLiveString() == null || process.getCamundaVersionTag() == null) {
                    problems.add(name + ": 流程须设置 historyTimeToLive 和 versionTag");
                }
                if (process.getName() == null || !CHINESE.matcher(process.getName()).find()) {
                    problems.add(name + ": 流程须有中文名称");
                }
            }
            Set<String> shapes = ids(model.getModelElementsByType(BpmnShape.class).stream().map(BpmnShape::getBpmnElement).toList());
            Set<String> edges = ids(model.getModelElementsByType(BpmnEdge.class).stream().map(BpmnEdge::getBpmnElement).toList());
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                checkId(name, node, problems);
                if (node.getName() == null || !CHINESE.matcher(node.getName()).find()) {
                    problems.add(name + ": " + node.getId() + " 缺少中文名称");
                }
                if (!shapes.contains(node.getId())) {
                    problems.add(name + ": " + node.getId() + " 没有图形（DI）");
                }
            }
            for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
                checkId(name, flow, problems);
                if (!edges.contains(flow.getId())) {
                    problems.add(name + ": " + flow.getId() + " 没有连线图形（DI）");
                }
            }
            for (ExclusiveGateway gateway : model.getModelElementsByType(ExclusiveGateway.class)) {
                if (gateway.getOutgoing().size() > 1) {
                    if (gateway.getDefault() == null) {
                        problems.add(name + ": " + gateway.getId() + " 须有默认流向，任何表单取值都有去处");
                    }
                    gateway.getOutgoing().stream()
                            .filter(f -> f != gateway.getDefault() && f.getConditionExpression() == null)
                            .forEach(f -> problems.add(name + ": " + f.getId() + " 须有条件"));
                    gateway.getOutgoing().stream()
                            .filter(f -> f.getName() == null || !CHINESE.matcher(f.getName()).find())
                            .forEach(f -> problems.add(name + ": " + f.getId() + " 分支须有中文名称"));
                }
            }
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                checkFormRef(name, task.getId(), task.getAttributeValueNs(CAMUNDA, "formRef"),
                        task.getAttributeValueNs(CAMUNDA, "formRefBinding"), problems);
            }
            for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
                String formRef = start.getAttributeValueNs(CAMUNDA, "formRef");
                if (formRef != null) {
                    checkFormRef(name, start.getId(), formRef, start.getAttributeValueNs(CAMUNDA, "formRefBinding"), problems);
                }
            }
            Matcher identifiers = BEAN.matcher(xml);
            while (identifiers.find()) {
                String identifier = identifiers.group(1);
                if (!context.containsBean(identifier) && !KNOWN_VARIABLES.contains(identifier)) {
                    problems.add(name + ": 表达式中的 ${" + identifier + "} 不是本应用的组件或已知的流程变量");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyDecisionTableOpensInTheModeler() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : files(PROCESSES, ".dmn")) {
            String xml = Files.readString(file);
            DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
            String name = file.getFileName().toString();
            checkExecutionPlatform(name, xml, problems);
            if (!xml.contains("<dmndi:DMNShape")) {
                problems.add(name + ": 没有图形（DMNDI）");
            }
            for (Decision decision : model.getModelElementsByType(Decision.class)) {
                if (!name.equals(decision.getId() + ".dmn")) {
                    problems.add(name + ": 文件名须与决策 id 相同");
                }
                if (decision.getCamundaHistoryTimeToLiveString() == null || decision.getVersionTag() == null) {
                    problems.add(name + ": 决策须设置 historyTimeToLive 和 versionTag");
                }
                if (!CHINESE.matcher(decision.getName()).find()) {
                    problems.add(name + ": 决策须有中文名称");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyFormIsSavedForCamunda724WithChineseLabels() throws IOException {
        List<String> problems = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (Path file : files(FORMS, ".form")) {
            JsonNode form = json.readTree(file.toFile());
            String name = file.getFileName().toString();
            if (!("Form_" + name.replace(".form", "")).equals(form.path("id").asText())) {
                problems.add(name + ": 表单 id 须为 Form_ 加文件名");
            }
            if (!"Camunda Platform".equals(form.path("executionPlatform").asText())
                    || !"7.24.0".equals(form.path("executionPlatformVersion").asText())) {
                problems.add(name + ": 须设置 executionPlatform Camunda Platform 7.24.0");
            }
            checkLabels(name, form.path("components"), problems);
        }
        assertThat(problems).isEmpty();
    }

    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

    private void checkFormRef(String name, String element, String formRef, String binding, List<String> problems) {
        if (formRef == null) {
            problems.add(name + ": " + element + " 须用 camunda:formRef 引用表单");
            return;
        }
        if (!"deployment".equals(binding)) {
            problems.add(name + ": " + element + " 的表单须按 deployment 绑定，与流程一同部署");
        }
        if (!Files.exists(FORMS.resolve(formRef.replace("Form_", "") + ".form"))) {
            problems.add(name + ": " + element + " 引用的表单 " + formRef + " 不存在");
        }
    }

    private static void checkExecutionPlatform(String name, String xml, List<String> problems) {
        if (!xml.contains("modeler:executionPlatform=\"Camunda Platform\"")
                || !xml.contains("modeler:executionPlatformVersion=\"7.24.0\"")) {
            problems.add(name + ": 须设置 modeler:executionPlatform Camunda Platform 7.24.0");
        }
    }

    private static void checkId(String name, BaseElement element, List<String> problems) {
        if (GENERATED_ID.matcher(element.getId()).find() || !NAMED_ID.matcher(element.getId()).matches()) {
            problems.add(name + ": " + element.getId() + " 不是有意义的英文 id（如 Task_ApproveTopic）");
        }
    }

    private static void checkLabels(String name, JsonNode components, List<String> problems) {
        for (JsonNode component : components) {
            boolean input = component.has("key") || component.has("path");
            String label = component.path("label").asText(component.path("dateLabel").asText(
                    component.path("text").asText("")));
            if ((input || component.has("text")) && !CHINESE.matcher(label).find()) {
                problems.add(name + ": " + component.path("id").asText() + " 缺少中文标签");
            }
            if (component.has("components")) {
                checkLabels(name, component.path("components"), problems);
            }
        }
    }

    private static Set<String> knownVariables() {
        // the engine's own names, and EL's literals (e.g. an input parameter ${false})
        Set<String> names = new java.util.HashSet<>(Set.of("execution", "task", "true", "false", "null"));
        for (Class<?> accessor : List.of(ConsultationProcess.class, TransferProcess.class, TopicIntakeProcess.class,
                AnnualPlanProcess.class, TemporaryTopicProcess.class, EmergencyTopicProcess.class,
                AssignmentProcess.class, EscalationProcess.class, InquiryProcess.class, FeedbackProcess.class,
                AssessmentProcess.class)) {
            for (java.lang.reflect.Field field : accessor.getFields()) {
                if (field.getType() == ProcessVariable.class) {
                    try {
                        names.add(((ProcessVariable<?>) field.get(null)).name());
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return names;
    }

    private static Set<String> ids(List<? extends BaseElement> elements) {
        return Set.copyOf(elements.stream().map(BaseElement::getId).toList());
    }

    private static List<Path> files(Path folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
