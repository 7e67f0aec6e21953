package cn.cppcc.consult.process;

import org.camunda.bpm.engine.delegate.DelegateTask;

/** A reason given on a task, kept in the engine's history (Tasklist shows it with the task). */
public final class TaskComment {

    private TaskComment() {
    }

    public static void add(DelegateTask task, String text) {
        if (text != null) {
            task.getProcessEngineServices().getTaskService()
                    .createComment(task.getId(), task.getProcessInstanceId(), text);
        }
    }
}
