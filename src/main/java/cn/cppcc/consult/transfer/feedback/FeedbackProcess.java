package cn.cppcc.consult.transfer.feedback;

import cn.cppcc.consult.process.ProcessVariable;

/**
 * {@code processes/Feedback.bpmn} (反馈): its key, element ids, message and variables. It receives the
 * variables of {@link cn.cppcc.consult.transfer.TransferProcess}.
 */
public final class FeedbackProcess {

    public static final String KEY = "Feedback";

    public static final String GATEWAY_FEEDBACK_MERGE = "Gateway_FeedbackMerge";
    public static final String TASK_REPORT = "Task_ReportFeedback";
    public static final String TASK_SEND = "Task_SendFeedback";
    public static final String GATEWAY_FINAL = "Gateway_FeedbackFinal";
    public static final String GATEWAY_RATINGS_INVITED = "Gateway_RatingsInvited";
    public static final String GATEWAY_AWAIT_RATINGS = "Gateway_AwaitRatings";
    public static final String EVENT_ALL_RATED = "Event_AllRated";
    public static final String EVENT_RATINGS_CLOSED = "Event_RatingsClosed";
    public static final String GATEWAY_RATINGS_MERGE = "Gateway_RatingsMerge";
    public static final String TASK_CLOSE = "Task_CloseFeedback";
    public static final String END = "EndEvent_TransferFinished";

    /** Sent when the last invited citizen has rated the item. */
    public static final String MESSAGE_RATINGS_COMPLETE = "RatingsComplete";

    /** The report is the final one (办结反馈), not a stage report. */
    public static final ProcessVariable<Boolean> FINAL = ProcessVariable.of("finalFeedback", Boolean.class);
    /** Citizens were invited to rate with the final report. */
    public static final ProcessVariable<Boolean> RATINGS_INVITED = ProcessVariable.of("ratingsInvited", Boolean.class);

    private FeedbackProcess() {
    }
}
