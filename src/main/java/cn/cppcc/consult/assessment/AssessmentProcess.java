package cn.cppcc.consult.assessment;

import cn.cppcc.consult.organisation.TaskRouting;
import cn.cppcc.consult.process.ProcessVariable;

/** {@code processes/TownshipAssessment.bpmn}: its key, element ids and variables. */
public final class AssessmentProcess {

    public static final String KEY = "TownshipAssessment";

    public static final String START = "StartEvent_AssessmentStarted";
    public static final String TASK_COMPUTE = "Task_ComputeIndicators";
    public static final String TASK_SCORE = "Task_ScoreTownship";
    public static final String TASK_PUBLISH = "Task_PublishRanking";
    public static final String END_PUBLISHED = "EndEvent_RankingPublished";

    public static final ProcessVariable<Long> ASSESSMENT_ID = ProcessVariable.of("assessmentId", Long.class);
    /** The county whose townships are assessed; its supervisors score them. */
    public static final ProcessVariable<String> PLACE_CODE = TaskRouting.PLACE_CODE;
    public static final ProcessVariable<String> INITIATOR = ProcessVariable.of("initiator", String.class);
    /** Element variable of the scoring multi-instance: one task per township. */
    public static final ProcessVariable<String> TOWNSHIP_CODE = ProcessVariable.of("townshipCode", String.class);

    private AssessmentProcess() {
    }
}
