package cn.cppcc.consult.transfer;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * What one mechanism's tasks show about the item, besides what every mechanism task shows. A routing
 * flag that a form answers (e.g. {@code rating}) is put here as a task-local null, so that a form shown
 * again in a loop starts blank instead of showing the last answer; the complete listeners therefore
 * set their flags on the task's execution, not on the task.
 */
public interface ItemTaskViews {

    /** Task-local values for the task's form; empty for tasks of other mechanisms. */
    Map<String, Object> of(DelegateTask task, ResultItem item);
}
