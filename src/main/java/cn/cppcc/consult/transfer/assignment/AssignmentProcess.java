package cn.cppcc.consult.transfer.assignment;

import cn.cppcc.consult.process.ProcessVariable;

/**
 * {@code processes/Assignment.bpmn} (交办): its key, element ids and variables. It receives the
 * variables of {@link cn.cppcc.consult.transfer.TransferProcess}.
 */
public final class AssignmentProcess {

    public static final String KEY = "Assignment";

    public static final String START = "StartEvent_TransferStarted";
    public static final String GATEWAY_ASSIGN_MERGE = "Gateway_AssignMerge";
    public static final String TASK_ASSIGN_DEPARTMENTS = "Task_AssignDepartments";
    public static final String GATEWAY_ROUTE = "Gateway_AssignmentRoute";
    public static final String TASK_PROPOSE_TO_COUNTY_PARTY = "Task_ProposeToCountyParty";
    public static final String GATEWAY_COUNTY_PROPOSED = "Gateway_CountyProposed";
    public static final String TASK_INSTRUCT_TOWNSHIP = "Task_InstructTownship";
    public static final String SUBPROCESS_UNITS = "SubProcess_Units";
    public static final String SUBPROCESS_HANDLING = "SubProcess_Handling";
    public static final String GATEWAY_REPORT_MERGE = "Gateway_ReportMerge";
    public static final String TASK_HANDLE = "Task_HandleAssignment";
    public static final String GATEWAY_UNIT_DONE = "Gateway_UnitDone";
    public static final String EVENT_DEADLINE_APPROACHING = "Event_DeadlineApproaching";
    public static final String TASK_REMIND_DEADLINE = "Task_RemindDeadline";
    public static final String END_REMINDED = "EndEvent_Reminded";
    public static final String EVENT_DEADLINE_PASSED = "Event_DeadlinePassed";
    public static final String TASK_ESCALATE_OVERDUE = "Task_EscalateOverdue";
    public static final String END_ESCALATED = "EndEvent_Escalated";
    public static final String TASK_FINISH = "Task_FinishAssignment";
    public static final String END = "EndEvent_TransferFinished";

    /** {@link AssignmentRoute} name, chosen when the item is assigned. */
    public static final ProcessVariable<String> ROUTE = ProcessVariable.of("assignmentRoute", String.class);
    /** The county CPPCC asks the county party committee to instruct the township. */
    public static final ProcessVariable<Boolean> COUNTY_PROPOSED = ProcessVariable.of("countyProposed", Boolean.class);
    /** Element variable of the per-department multi-instance: an {@link AssignmentUnit} id. */
    public static final ProcessVariable<Long> UNIT_ID = ProcessVariable.of("unitId", Long.class);
    /** Local to each department's handling: its last report said it is done. */
    public static final ProcessVariable<Boolean> UNIT_DONE = ProcessVariable.of("unitDone", Boolean.class);

    private AssignmentProcess() {
    }
}
