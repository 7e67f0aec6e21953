package cn.cppcc.consult.transfer.escalation;

import cn.cppcc.consult.process.ProcessVariable;

/**
 * {@code processes/Escalation.bpmn} (转报): its key, element ids and variables. It receives the
 * variables of {@link cn.cppcc.consult.transfer.TransferProcess}.
 */
public final class EscalationProcess {

    public static final String KEY = "Escalation";

    public static final String GATEWAY_DRAFT_MERGE = "Gateway_DraftMerge";
    public static final String TASK_DRAFT = "Task_DraftEscalation";
    public static final String TASK_REVIEW = "Task_ReviewEscalation";
    public static final String GATEWAY_APPROVED = "Gateway_EscalationApproved";
    public static final String TASK_REGISTER = "Task_RegisterEscalation";
    public static final String TASK_RECORD_ANSWER = "Task_RecordEscalationAnswer";
    public static final String EVENT_ANSWER_OVERDUE = "Event_AnswerOverdue";
    public static final String TASK_CHASE = "Task_ChaseAnswer";
    public static final String END_CHASED = "EndEvent_AnswerChased";
    public static final String TASK_FINISH = "Task_FinishEscalation";
    public static final String END = "EndEvent_TransferFinished";

    public static final ProcessVariable<Boolean> APPROVED = ProcessVariable.of("escalationApproved", Boolean.class);

    private EscalationProcess() {
    }
}
