package cn.cppcc.consult.process;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On every user task's creation: what its form shows, as task-local variables, from every feature's {@link TaskView}. */
@Component("taskContext")
public class TaskContextListener implements TaskListener {

    private final List<TaskView> views;

    TaskContextListener(List<TaskView> views) {
        this.views = views;
    }

    @Override
    public void notify(DelegateTask task) {
        views.forEach(view -> task.setVariablesLocal(view.of(task)));
    }
}
