package cn.cppcc.consult.reliability;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The suite's own diagrams, deployed through the REST API as an administrator deploys from Camunda
 * Modeler. They keep what they prove to the engine: each step bumps a process variable in the step's
 * transaction, so a step committed twice shows as a count of 2.
 */
final class Models {

    /** Counts the asynchronous step's commits. */
    static final String RECORD_RUN = "${execution.setVariable('runs', runs + 1)}";
    static final String RECORD_TIMER = "${execution.setVariable('timers', timers + 1)}";

    private Models() {
    }

    /** A task for a group, an asynchronous step (a job), a second task for another group. */
    static String twoTasks(String key, String firstGroup, String secondGroup) {
        BpmnModelInstance model = Bpmn.createExecutableProcess(key).name("可靠性测试：两步任务")
                .camundaHistoryTimeToLive(1)
                .startEvent("Event_Start").name("开始")
                .userTask("Task_First").name("第一步").camundaCandidateGroups(firstGroup)
                .serviceTask("Task_Record").name("记录").camundaAsyncBefore().camundaExpression(RECORD_RUN)
                .userTask("Task_Second").name("第二步").camundaCandidateGroups(secondGroup)
                .endEvent("Event_End").name("结束")
                .done();
        return Bpmn.convertToString(model);
    }

    /** Two jobs per instance: a timer, then an asynchronous step. */
    static String timerThenAsync(String key) {
        BpmnModelInstance model = Bpmn.createExecutableProcess(key).name("可靠性测试：定时与异步")
                .camundaHistoryTimeToLive(1)
                .startEvent("Event_Start").name("开始")
                .intermediateCatchEvent("Event_Wait").name("等待").timerWithDuration("PT1S")
                .camundaExecutionListenerExpression("end", RECORD_TIMER)
                .serviceTask("Task_Record").name("记录").camundaAsyncBefore().camundaExpression(RECORD_RUN)
                .endEvent("Event_End").name("结束")
                .done();
        return Bpmn.convertToString(model);
    }

    /** One user task, whose id names the version. */
    static String oneTask(String key, String taskId) {
        BpmnModelInstance model = Bpmn.createExecutableProcess(key).name("可靠性测试：版本")
                .camundaHistoryTimeToLive(1)
                .startEvent("Event_Start").name("开始")
                .userTask(taskId).name("任务")
                .endEvent("Event_End").name("结束")
                .done();
        return Bpmn.convertToString(model);
    }
}
