package cn.cppcc.consult.plan;

import cn.cppcc.consult.organisation.TaskRouting;
import cn.cppcc.consult.process.ProcessVariable;

/** {@code processes/TemporaryTopic.bpmn} (临时增加议题): its key, element ids and variables. */
public final class TemporaryTopicProcess {

    public static final String KEY = "TemporaryTopic";

    public static final String START = "StartEvent_TemporaryTopicProposed";
    public static final String TASK_REGISTER = "Task_RegisterTemporaryTopic";
    public static final String GATEWAY_DRAFT_MERGE = "Gateway_DraftMerge";
    public static final String TASK_DRAFT = "Task_DraftTemporaryPlan";
    public static final String TASK_REVIEW = "Task_ReviewTemporaryTopic";
    public static final String GATEWAY_CHAIRS = "Gateway_ChairsApproved";
    public static final String TASK_APPROVE = "Task_ApproveTemporaryTopic";
    public static final String GATEWAY_PARTY = "Gateway_PartyDecision";
    public static final String TASK_ADD_TO_PLAN = "Task_AddToPlan";
    public static final String END_PLANNED = "EndEvent_TemporaryTopicPlanned";
    public static final String TASK_NOTIFY_REJECTED = "Task_NotifyTemporaryRejected";
    public static final String END_REJECTED = "EndEvent_TemporaryTopicRejected";

    public static final ProcessVariable<Long> TEMPORARY_TOPIC_ID = ProcessVariable.of("temporaryTopicId", Long.class);
    public static final ProcessVariable<String> PLACE_CODE = TaskRouting.PLACE_CODE;
    public static final ProcessVariable<String> INITIATOR = ProcessVariable.of("initiator", String.class);
    public static final ProcessVariable<Boolean> CHAIRS_APPROVED = ProcessVariable.of("chairsApproved", Boolean.class);
    /** {@link cn.cppcc.consult.consultation.TopicDecision} name. */
    public static final ProcessVariable<String> TEMPORARY_DECISION = ProcessVariable.of("temporaryDecision", String.class);

    private TemporaryTopicProcess() {
    }
}
