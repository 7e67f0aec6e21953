package cn.cppcc.consult.process;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * What a feature puts on its user tasks for their forms to show (read-only fields, prefilled
 * values), as task-local variables. Each feature's view adds what it knows about the task from the
 * ids its process holds and leaves other tasks alone.
 */
public interface TaskView {

    Map<String, Object> of(DelegateTask task);
}
