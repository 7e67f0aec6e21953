package cn.cppcc.consult.transfer.inquiry;

import cn.cppcc.consult.process.ProcessVariable;

/**
 * {@code processes/EffectivenessInquiry.bpmn} (问效): its key, element ids, message and variables. It
 * receives the variables of {@link cn.cppcc.consult.transfer.TransferProcess}.
 */
public final class InquiryProcess {

    public static final String KEY = "EffectivenessInquiry";

    public static final String GATEWAY_AWAIT_HANDLING = "Gateway_AwaitHandling";
    public static final String GATEWAY_HANDLING_EVENTS = "Gateway_HandlingEvents";
    public static final String EVENT_ASSIGNMENT_FINISHED = "Event_AssignmentFinished";
    public static final String EVENT_HANDLING_DEADLINE = "Event_HandlingDeadline";
    public static final String GATEWAY_INQUIRY_MERGE = "Gateway_InquiryMerge";
    public static final String TASK_INQUIRE = "Task_InquireEffectiveness";
    public static final String TASK_EVALUATE = "Task_EvaluateResult";
    public static final String GATEWAY_RATING = "Gateway_Rating";
    public static final String TASK_CHECK_LIMIT = "Task_CheckRehandlingLimit";
    public static final String GATEWAY_REHANDLING_ALLOWED = "Gateway_RehandlingAllowed";
    public static final String TASK_REHANDLE = "Task_Rehandle";
    public static final String TASK_SUPERVISE = "Task_SuperviseUnsatisfied";
    public static final String GATEWAY_FINISH_MERGE = "Gateway_FinishMerge";
    public static final String TASK_FINISH = "Task_FinishInquiry";
    public static final String END = "EndEvent_TransferFinished";

    /** Sent when the item's assignment is finished; the inquiry waiting for it begins. */
    public static final String MESSAGE_ASSIGNMENT_FINISHED = "AssignmentFinished";
    /** {@code InquiryRehandlingLimit.dmn}: how often an unsatisfactory item is handled again. */
    public static final String DECISION_REHANDLING_LIMIT = "InquiryRehandlingLimit";

    /** {@link cn.cppcc.consult.transfer.Satisfaction} name of the last democratic evaluation. */
    public static final ProcessVariable<String> RATING = ProcessVariable.of("rating", String.class);
    /** How often the item has been handled again so far. */
    public static final ProcessVariable<Integer> REHANDLINGS = ProcessVariable.of("rehandlings", Integer.class);
    /** The limit from {@code InquiryRehandlingLimit.dmn}. */
    public static final ProcessVariable<Integer> MAX_REHANDLINGS = ProcessVariable.of("maxRehandlings", Integer.class);
    /** Input of the limit decision, local to the business rule task. */
    public static final ProcessVariable<String> PLACE_LEVEL = ProcessVariable.of("placeLevel", String.class);

    private InquiryProcess() {
    }
}
