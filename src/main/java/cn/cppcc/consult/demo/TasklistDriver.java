package cn.cppcc.consult.demo;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Works tasks the way a person does in Tasklist: logged in as a user, claims the task and submits
 * its Camunda Form, with values typed as Tasklist sends them (primitives untyped, lists and objects
 * as {@code Json}). Used by the demo data and by tests, so both go through the real listeners.
 */
@Component
public class TasklistDriver {

    private final FormService formService;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final RepositoryService repositoryService;

    TasklistDriver(FormService formService, TaskService taskService, IdentityService identityService,
            RepositoryService repositoryService) {
        this.formService = formService;
        this.taskService = taskService;
        this.identityService = identityService;
        this.repositoryService = repositoryService;
    }

    /** Submits the start form of the latest version of {@code processKey} as {@code userId}. */
    public ProcessInstance start(String userId, String processKey, Map<String, Object> form) {
        String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().singleResult().getId();
        return as(userId, () -> formService.submitStartForm(definitionId, Variables.fromMap(form)));
    }

    /** The open task {@code taskKey} of the consultation with this business key (its mechanisms included). */
    public Task task(String businessKey, String taskKey) {
        List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(taskKey).orderByTaskCreateTime().asc().list();
        if (tasks.isEmpty()) {
            throw new IllegalStateException("没有待办任务 " + taskKey + "（" + businessKey + "）");
        }
        return tasks.get(0);
    }

    /** Claims and completes the task with its form values, as {@code userId}. */
    public void submit(Task task, String userId, Map<String, Object> form) {
        as(userId, () -> {
            if (task.getAssignee() == null) {
                taskService.claim(task.getId(), userId);
            }
            formService.submitTaskForm(task.getId(), Variables.fromMap(form));
            return null;
        });
    }

    public void submit(String businessKey, String taskKey, String userId, Map<String, Object> form) {
        submit(task(businessKey, taskKey), userId, form);
    }

    /** A list or object as Tasklist submits it from a dynamic list, checklist or group. */
    public static TypedValue json(Object value) {
        return SpinValues.jsonValue(Spin.JSON(value).toString()).create();
    }

    /** Logged in as {@code userId} with their groups and places (tenants), as Tasklist's login does. */
    private <T> T as(String userId, java.util.function.Supplier<T> work) {
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList();
        List<String> tenants = identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true)
                .list().stream().map(org.camunda.bpm.engine.identity.Tenant::getId).toList();
        identityService.setAuthentication(userId, groups, tenants);
        try {
            return work.get();
        } finally {
            identityService.clearAuthentication();
        }
    }
}
