package cn.cppcc.consult.plan;

import cn.cppcc.consult.organisation.TaskRouting;
import cn.cppcc.consult.process.ProcessVariable;

/** {@code processes/EmergencyTopic.bpmn} (应急处突): its key, element ids, message and variables. */
public final class EmergencyTopicProcess {

    public static final String KEY = "EmergencyTopic";
    /** Correlated by {@code consultationId} when the emergency consultation ends (closed or rejected). */
    public static final String MESSAGE_CONSULTATION_ENDED = "EmergencyConsultationEnded";

    public static final String START = "StartEvent_EmergencyReported";
    public static final String TASK_LAUNCH = "Task_LaunchEmergencyConsultation";
    public static final String EVENT_ENDED = "Event_EmergencyConsultationEnded";
    public static final String GATEWAY_CONVERSION_MERGE = "Gateway_ConversionMerge";
    public static final String TASK_CONVERT = "Task_ConvertToRoutine";
    public static final String GATEWAY_CONVERT = "Gateway_ConvertDecision";
    public static final String TASK_APPROVE_CONVERSION = "Task_ApproveConversion";
    public static final String GATEWAY_CONVERSION_APPROVED = "Gateway_ConversionApproved";
    public static final String TASK_LINK = "Task_LinkIntoPlan";
    public static final String END_CONVERTED = "EndEvent_ConvertedToRoutine";
    public static final String END_NOT_CONVERTED = "EndEvent_NotConverted";

    public static final ProcessVariable<Long> TOPIC_ID = ProcessVariable.of("topicId", Long.class);
    public static final ProcessVariable<Long> CONSULTATION_ID = ProcessVariable.of("consultationId", Long.class);
    public static final ProcessVariable<String> PLACE_CODE = TaskRouting.PLACE_CODE;
    public static final ProcessVariable<String> INITIATOR = ProcessVariable.of("initiator", String.class);
    public static final ProcessVariable<Boolean> CONVERT_TO_ROUTINE = ProcessVariable.of("convertToRoutine", Boolean.class);
    public static final ProcessVariable<Long> FOLLOW_UP_TOPIC_ID = ProcessVariable.of("followUpTopicId", Long.class);
    public static final ProcessVariable<Boolean> CONVERSION_APPROVED = ProcessVariable.of("conversionApproved", Boolean.class);

    private EmergencyTopicProcess() {
    }
}
