package cn.cppcc.consult.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.consultation.TaskViews;

/** On every user task's creation: what its form shows, as task-local variables. */
@Component("taskContext")
public class TaskContextListener implements TaskListener {

    private final TaskViews views;

    TaskContextListener(TaskViews views) {
        this.views = views;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariablesLocal(views.of(task));
    }
}
