package cn.cppcc.consult.support;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.demo.TasklistDriver;
import cn.cppcc.consult.notification.Notification;
import cn.cppcc.consult.notification.NotificationKind;
import cn.cppcc.consult.notification.NotificationService;
import cn.cppcc.consult.organisation.TaskRouting;
import cn.cppcc.consult.support.Scenarios.Scenario;
import cn.cppcc.consult.transfer.Mechanism;
import cn.cppcc.consult.transfer.ResultItem;
import cn.cppcc.consult.transfer.TransferProcess;
import cn.cppcc.consult.transfer.TransferService;

/**
 * Works the mechanisms' tasks as their people do in Tasklist. Who works a task is what
 * {@code TaskRouting.dmn} says for the consultation's place, as the demo account of that group
 * ({@code <place>-<role>} → {@code <place>.<role>}). A mechanism can also be started on its own, for
 * an item of a consultation whose minutes were filed, the way {@code Consultation.bpmn} calls it.
 */
@Component
public class Mechanisms {

    private final TasklistDriver tasklist;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final TaskRouting routing;
    private final TransferService transfers;
    private final Scenarios scenarios;
    private final NotificationService notifications;

    Mechanisms(TasklistDriver tasklist, TaskService taskService, RuntimeService runtimeService,
            HistoryService historyService, TaskRouting routing, TransferService transfers, Scenarios scenarios,
            NotificationService notifications) {
        this.tasklist = tasklist;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.routing = routing;
        this.transfers = transfers;
        this.scenarios = scenarios;
        this.notifications = notifications;
    }

    /** A consultation at {@code place} whose filed minutes name one item per mechanism set given. */
    @SafeVarargs
    public final Scenario filed(Places place, EnumSet<Mechanism>... items) {
        return scenarios.at(place).approved().planned(cn.cppcc.consult.consultation.ConsultationForm.MEETING, false)
                .withParticipants().researched(true).consulted().minutesFiled(items);
    }

    public List<ResultItem> items(Scenario s) {
        return transfers.items(s.id());
    }

    /** Starts the mechanism's process for the item as the consultation's call activity would. */
    public ProcessInstance start(Scenario s, Places place, Mechanism mechanism, ResultItem item) {
        return runtimeService.createProcessInstanceByKey(mechanism.processKey())
                .businessKey(s.number())
                .setVariables(variables(s, place, item))
                .execute();
    }

    /** Starts the mechanism's process right before one of its steps, for a detour that begins there. */
    public ProcessInstance startBefore(Scenario s, Places place, Mechanism mechanism, ResultItem item,
            String activityId) {
        return runtimeService.createProcessInstanceByKey(mechanism.processKey())
                .businessKey(s.number())
                .setVariables(variables(s, place, item))
                .startBeforeActivity(activityId)
                .execute();
    }

    private static Map<String, Object> variables(Scenario s, Places place, ResultItem item) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(TransferProcess.CONSULTATION_ID.name(), s.id());
        variables.put(TransferProcess.PLACE_CODE.name(), place.code());
        variables.put(TransferProcess.RESULT_ITEM_ID.name(), item.id());
        return variables;
    }

    /** The demo account that works {@code taskKey} for a consultation at {@code placeCode}. */
    public String userFor(String taskKey, String placeCode) {
        return routing.groupFor(taskKey, placeCode).replaceFirst("-", ".");
    }

    /** The open tasks {@code taskKey} of the item (one per department where the task is per department). */
    public List<Task> tasks(String number, String taskKey, long itemId) {
        return taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(taskKey)
                .orderByTaskCreateTime().asc().list().stream()
                .filter(t -> Objects.equals(itemId, taskService.getVariable(t.getId(), TransferProcess.RESULT_ITEM_ID.name())))
                .toList();
    }

    public Task task(String number, String taskKey, long itemId) {
        List<Task> tasks = tasks(number, taskKey, itemId);
        if (tasks.isEmpty()) {
            throw new IllegalStateException("没有待办任务 " + taskKey + "（" + number + "，事项" + itemId + "）");
        }
        return tasks.get(0);
    }

    /** Completes the item's task as the account the routing table names for it. */
    public void submit(String number, String placeCode, String taskKey, long itemId, Map<String, Object> form) {
        tasklist.submit(task(number, taskKey, itemId), userFor(taskKey, placeCode), form);
    }

    public void submit(Task task, String placeCode, Map<String, Object> form) {
        tasklist.submit(task, userFor(task.getTaskDefinitionKey(), placeCode), form);
    }

    /** The mechanism process that carries the item, running or ended. */
    public String processOf(String number, Mechanism mechanism, long itemId) {
        return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number)
                .processDefinitionKey(mechanism.processKey())
                .variableValueEquals(TransferProcess.RESULT_ITEM_ID.name(), itemId)
                .singleResult().getId();
    }

    /**
     * What one recipient (a user, or {@code citizen:<id>}) was sent about one consultation, newest
     * first; task notices (one for every task offered) are left out.
     */
    public List<Notification> inbox(String recipient, long consultationId) {
        return notifications.inbox(recipient).stream()
                .filter(n -> n.kind() != NotificationKind.TASK && Long.valueOf(consultationId).equals(n.consultationId()))
                .toList();
    }
}
