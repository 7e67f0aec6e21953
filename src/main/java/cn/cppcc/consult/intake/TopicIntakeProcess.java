package cn.cppcc.consult.intake;

import java.util.Map;

import cn.cppcc.consult.organisation.TaskRouting;
import cn.cppcc.consult.process.ProcessVariable;

/** {@code processes/TopicIntake.bpmn}: its key, element ids, decisions and variables, in one place. */
public final class TopicIntakeProcess {

    public static final String KEY = "TopicIntake";
    public static final String SCREENING_DECISION = "TopicScreening";
    public static final String LEVEL_DECISION = "TopicLevel";
    /** Correlated by business key (the topic's number) when the topic enters an annual plan. */
    public static final String MESSAGE_TOPIC_PLANNED = "TopicPlanned";

    public static final String START = "StartEvent_TopicSubmitted";
    public static final String TASK_REGISTER = "Task_RegisterTopic";
    public static final String TASK_SCREEN = "Task_ScreenTopic";
    public static final String TASK_SCREENING_RULES = "Task_ApplyScreeningRules";
    public static final String TASK_LEVEL_RULES = "Task_ApplyLevelRules";
    public static final String TASK_DECIDE = "Task_DecideIntake";
    public static final String GATEWAY_ACCEPTED = "Gateway_IntakeAccepted";
    public static final String GATEWAY_LEVEL = "Gateway_ConsultationLevel";
    public static final String TASK_ROUTE_TO_COUNTY = "Task_RouteToCountyOffice";
    public static final String TASK_ROUTE_TO_TOWNSHIP = "Task_RouteToTownshipLiaison";
    public static final String GATEWAY_ROUTED = "Gateway_RoutedMerge";
    public static final String EVENT_PLANNED = "Event_TopicPlanned";
    public static final String TASK_NOTIFY_PLANNED = "Task_NotifyPlanned";
    public static final String END_PLANNED = "EndEvent_TopicPlanned";
    public static final String TASK_NOTIFY_REJECTION = "Task_NotifyRejection";
    public static final String END_REJECTED = "EndEvent_TopicRejected";

    public static final ProcessVariable<Long> TOPIC_ID = ProcessVariable.of("topicId", Long.class);
    /** Where the topic was raised: its intake tasks are routed by it. */
    public static final ProcessVariable<String> PLACE_CODE = TaskRouting.PLACE_CODE;
    public static final ProcessVariable<String> INITIATOR = ProcessVariable.of("initiator", String.class);
    // the screener's findings, the inputs of TopicScreening.dmn
    public static final ProcessVariable<Boolean> IN_LITIGATION = ProcessVariable.of("inLitigation", Boolean.class);
    public static final ProcessVariable<Boolean> IN_PETITION_SYSTEM = ProcessVariable.of("inPetitionSystem", Boolean.class);
    public static final ProcessVariable<Boolean> INDIVIDUAL_ONLY = ProcessVariable.of("individualOnly", Boolean.class);
    public static final ProcessVariable<Boolean> SETTLED_BY_POLICY = ProcessVariable.of("settledByPolicy", Boolean.class);
    // the inputs of TopicLevel.dmn: {@link cn.cppcc.consult.organisation.PlaceLevel} names
    public static final ProcessVariable<String> RESOLUTION_LEVEL = ProcessVariable.of("resolutionLevel", String.class);
    public static final ProcessVariable<String> OCCURRENCE_LEVEL = ProcessVariable.of("occurrenceLevel", String.class);
    /** TopicScreening.dmn's result (outcome and reason), recorded and dropped as soon as the rule task ends. */
    @SuppressWarnings("rawtypes")
    public static final ProcessVariable<Map> SCREENING_RULE = ProcessVariable.of("screeningRule", Map.class);
    /** {@link ScreeningOutcome} name. */
    public static final ProcessVariable<String> SCREENING_OUTCOME = ProcessVariable.of("screeningOutcome", String.class);
    /** TopicLevel.dmn's result: {@link LevelOutcome} name. */
    public static final ProcessVariable<String> LEVEL_OUTCOME = ProcessVariable.of("levelOutcome", String.class);
    public static final ProcessVariable<Boolean> INTAKE_ACCEPTED = ProcessVariable.of("intakeAccepted", Boolean.class);
    /** {@link cn.cppcc.consult.consultation.ConsultationKind} name of an accepted topic. */
    public static final ProcessVariable<String> CONSULTATION_KIND = ProcessVariable.of("consultationKind", String.class);

    private TopicIntakeProcess() {
    }
}
