package cn.cppcc.consult.consultation;

import cn.cppcc.consult.organisation.TaskRouting;
import cn.cppcc.consult.process.ProcessVariable;

/** {@code processes/Consultation.bpmn}: its key, element ids and variables, in one place. */
public final class ConsultationProcess {

    public static final String KEY = "Consultation";

    public static final String START = "StartEvent_ConsultationRequested";
    public static final String TASK_REGISTER = "Task_RegisterConsultation";
    public static final String GATEWAY_TOPIC_APPROVED = "Gateway_TopicApproved";
    public static final String GATEWAY_TOPIC_MERGE = "Gateway_TopicMerge";
    public static final String TASK_APPROVE_TOPIC = "Task_ApproveTopic";
    public static final String TASK_REVISE_TOPIC = "Task_ReviseTopic";
    public static final String TASK_NOTIFY_REJECTION = "Task_NotifyRejection";
    public static final String END_TOPIC_REJECTED = "EndEvent_TopicRejected";
    public static final String GATEWAY_PLAN_MERGE = "Gateway_PlanMerge";
    public static final String TASK_DRAFT_PLAN = "Task_DraftPlan";
    public static final String GATEWAY_PARTICIPANTS_MERGE = "Gateway_ParticipantsMerge";
    public static final String TASK_DRAFT_PARTICIPANTS = "Task_DraftParticipants";
    public static final String TASK_APPROVE_PARTICIPANTS = "Task_ApproveParticipants";
    public static final String GATEWAY_PREPARATION_SPLIT = "Gateway_PreparationSplit";
    public static final String TASK_SEND_ADVANCE_NOTICE = "Task_SendAdvanceNotice";
    public static final String TASK_PRE_BRIEF_PARTY = "Task_PreBriefParty";
    public static final String GATEWAY_SENSITIVE_MERGE = "Gateway_SensitiveMerge";
    public static final String GATEWAY_RESEARCH_MERGE = "Gateway_ResearchMerge";
    public static final String TASK_CONDUCT_RESEARCH = "Task_ConductResearch";
    public static final String TASK_REVIEW_RESEARCH = "Task_ReviewResearchReport";
    public static final String GATEWAY_PREPARATION_JOIN = "Gateway_PreparationJoin";
    public static final String GATEWAY_CONSULTATION_FORM = "Gateway_ConsultationForm";
    public static final String TASK_HOLD_MEETING = "Task_HoldMeeting";
    public static final String TASK_SUBMIT_WRITTEN_OPINION = "Task_SubmitWrittenOpinion";
    public static final String EVENT_ONLINE_CLOSED = "Event_OnlineConsultationClosed";
    public static final String GATEWAY_OPINIONS_MERGE = "Gateway_OpinionsMerge";
    public static final String TASK_SUMMARISE_OPINIONS = "Task_SummariseOpinions";
    public static final String GATEWAY_CONSULTATION_HELD = "Gateway_ConsultationHeld";
    public static final String GATEWAY_MINUTES_MERGE = "Gateway_MinutesMerge";
    public static final String TASK_DRAFT_MINUTES = "Task_DraftMinutes";
    public static final String TASK_REVIEW_MINUTES = "Task_ReviewMinutes";
    public static final String TASK_SEND_MINUTES = "Task_SendMinutes";
    public static final String TASK_FILE_MINUTES = "Task_FileMinutes";
    public static final String GATEWAY_TRANSFER_SPLIT = "Gateway_TransferSplit";
    public static final String CALL_ASSIGNMENT = "CallActivity_Assignment";
    public static final String CALL_ESCALATION = "CallActivity_Escalation";
    public static final String CALL_INQUIRY = "CallActivity_EffectivenessInquiry";
    public static final String CALL_FEEDBACK = "CallActivity_Feedback";
    public static final String GATEWAY_TRANSFER_JOIN = "Gateway_TransferJoin";
    public static final String TASK_CLOSE = "Task_CloseConsultation";
    public static final String END_CLOSED = "EndEvent_ConsultationClosed";

    public static final ProcessVariable<Long> CONSULTATION_ID = ProcessVariable.of("consultationId", Long.class);
    public static final ProcessVariable<String> PLACE_CODE = TaskRouting.PLACE_CODE;
    /** The user who started the consultation ({@code camunda:initiator}). */
    public static final ProcessVariable<String> INITIATOR = ProcessVariable.of("initiator", String.class);
    /** The topic was approved before its consultation began (in a plan): no second approval. */
    public static final ProcessVariable<Boolean> TOPIC_APPROVED = ProcessVariable.of("topicApproved", Boolean.class);
    /** {@link TopicDecision} name. */
    public static final ProcessVariable<String> TOPIC_DECISION = ProcessVariable.of("topicDecision", String.class);
    public static final ProcessVariable<Boolean> PARTICIPANTS_APPROVED =
            ProcessVariable.of("participantsApproved", Boolean.class);
    public static final ProcessVariable<Boolean> SENSITIVE = ProcessVariable.of("sensitive", Boolean.class);
    public static final ProcessVariable<Boolean> RESEARCH_ACCEPTED = ProcessVariable.of("researchAccepted", Boolean.class);
    /** {@link ConsultationForm} name. */
    public static final ProcessVariable<String> CONSULTATION_FORM = ProcessVariable.of("consultationForm", String.class);
    public static final ProcessVariable<Boolean> MINUTES_APPROVED = ProcessVariable.of("minutesApproved", Boolean.class);
    /** Element variable of the written-opinion multi-instance. */
    public static final ProcessVariable<Long> PARTICIPANT_ID = ProcessVariable.of("participantId", Long.class);
    /** Element variable of each mechanism's multi-instance call, passed to its process. */
    public static final ProcessVariable<Long> RESULT_ITEM_ID = ProcessVariable.of("resultItemId", Long.class);

    private ConsultationProcess() {
    }
}
