package cn.cppcc.consult.notification;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultFailedJobCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Hooks notifications into the engine:
 * <ul>
 *   <li>the outbox's job type ({@link DeliveryJobHandler}) and its retry strategy with backoff
 *       ({@link DeliveryRetryCmd});</li>
 *   <li>on every user task of every process deployed, without touching the models: a task offered to
 *       groups or assigned to a person tells them ({@link TaskNotices}), after the task's own
 *       listeners have run.</li>
 * </ul>
 */
@Component
public class NotificationEnginePlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<DeliveryWorker> worker;
    private final ObjectProvider<DeliveryRepository> deliveries;
    private final ObjectProvider<TaskNotices> taskNotices;
    private final NotificationProperties properties;

    NotificationEnginePlugin(ObjectProvider<DeliveryWorker> worker, ObjectProvider<DeliveryRepository> deliveries,
            ObjectProvider<TaskNotices> taskNotices, NotificationProperties properties) {
        this.worker = worker;
        this.deliveries = deliveries;
        this.taskNotices = taskNotices;
        this.properties = properties;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<JobHandler> handlers = configuration.getCustomJobHandlers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomJobHandlers());
        handlers.add(new DeliveryJobHandler(worker, deliveries));
        configuration.setCustomJobHandlers(handlers);

        configuration.setFailedJobCommandFactory(new DeliveryRetryCmd.Factory(
                configuration.getFailedJobCommandFactory() == null ? new DefaultFailedJobCommandFactory()
                        : configuration.getFailedJobCommandFactory(),
                properties, deliveries));

        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new UserTaskNotices(task -> taskNotices.getObject().notify(task)));
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    /** Adds the notice listener last, so the task's own create listeners (its view) have run. */
    static final class UserTaskNotices extends AbstractBpmnParseListener {

        private final TaskListener listener;

        UserTaskNotices(TaskListener listener) {
            this.listener = listener;
        }

        @Override
        public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
            TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
            definition.addTaskListener(TaskListener.EVENTNAME_CREATE, listener);
            definition.addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, listener);
        }
    }
}
