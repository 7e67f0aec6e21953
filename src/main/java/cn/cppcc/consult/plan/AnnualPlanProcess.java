package cn.cppcc.consult.plan;

import cn.cppcc.consult.organisation.TaskRouting;
import cn.cppcc.consult.process.ProcessVariable;

/** {@code processes/AnnualPlan.bpmn}: its key, element ids, signal and variables, in one place. */
public final class AnnualPlanProcess {

    public static final String KEY = "AnnualPlan";
    /** Sent when the topics or dates of plan {@code planId} change: its schedule is worked out again. */
    public static final String SIGNAL_PLAN_AMENDED = "AnnualPlanAmended-";

    public static final String START = "StartEvent_PlanStarted";
    public static final String TASK_REGISTER = "Task_RegisterPlan";
    public static final String GATEWAY_SELECTION_MERGE = "Gateway_SelectionMerge";
    public static final String TASK_SELECT_KEY_TOPICS = "Task_SelectKeyTopics";
    public static final String TASK_APPROVE_PLAN = "Task_ApprovePlan";
    public static final String GATEWAY_PLAN_APPROVED = "Gateway_PlanApproved";
    public static final String GATEWAY_ISSUING = "Gateway_IssuingLevel";
    public static final String GATEWAY_SIGN_SPLIT = "Gateway_SignSplit";
    public static final String TASK_SIGN_PARTY_OFFICE = "Task_SignPartyOffice";
    public static final String TASK_SIGN_GOVERNMENT_OFFICE = "Task_SignGovernmentOffice";
    public static final String TASK_SIGN_CPPCC_OFFICE = "Task_SignCppccOffice";
    public static final String GATEWAY_SIGN_JOIN = "Gateway_SignJoin";
    public static final String TASK_ISSUE_TOWNSHIP_PLAN = "Task_IssueTownshipPlan";
    public static final String GATEWAY_ISSUED_MERGE = "Gateway_IssuedMerge";
    public static final String TASK_PUBLISH = "Task_PublishPlan";
    public static final String GATEWAY_YEAR_SPLIT = "Gateway_YearSplit";
    public static final String GATEWAY_SCHEDULE_MERGE = "Gateway_ScheduleMerge";
    public static final String GATEWAY_AWAIT = "Gateway_AwaitPlannedDate";
    public static final String EVENT_PLANNED_DATE = "Event_PlannedDateReached";
    public static final String EVENT_PLAN_AMENDED = "Event_PlanAmended";
    public static final String TASK_LAUNCH_DUE = "Task_LaunchDueConsultations";
    public static final String GATEWAY_YEAR_OVER = "Gateway_PlanYearOver";
    public static final String END_COMPLETED = "EndEvent_PlanCompleted";
    public static final String GATEWAY_AMENDMENT_MERGE = "Gateway_AmendmentMerge";
    public static final String TASK_PROPOSE_AMENDMENT = "Task_ProposeAmendment";
    public static final String TASK_APPROVE_AMENDMENT = "Task_ApproveAmendment";
    public static final String GATEWAY_AMENDMENT_APPROVED = "Gateway_AmendmentApproved";
    public static final String TASK_APPLY_AMENDMENT = "Task_ApplyAmendment";
    public static final String EVENT_YEAR_ENDED = "Event_PlanYearEnded";
    public static final String END_AMENDMENTS_CLOSED = "EndEvent_AmendmentsClosed";

    public static final ProcessVariable<Long> PLAN_ID = ProcessVariable.of("planId", Long.class);
    public static final ProcessVariable<String> PLACE_CODE = TaskRouting.PLACE_CODE;
    public static final ProcessVariable<String> INITIATOR = ProcessVariable.of("initiator", String.class);
    public static final ProcessVariable<Boolean> PLAN_APPROVED = ProcessVariable.of("planApproved", Boolean.class);
    /** A county plan is issued jointly by 党委办、政府办、政协办; a township's by its 党政办. */
    public static final ProcessVariable<Boolean> JOINT_ISSUE = ProcessVariable.of("jointIssue", Boolean.class);
    public static final ProcessVariable<Boolean> PLAN_YEAR_OVER = ProcessVariable.of("planYearOver", Boolean.class);
    public static final ProcessVariable<Boolean> AMENDMENT_APPROVED = ProcessVariable.of("amendmentApproved", Boolean.class);

    private AnnualPlanProcess() {
    }
}
