package cn.cppcc.consult.notification;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.notification.NotificationService.Message;
import cn.cppcc.consult.organisation.OrganisationService;

/**
 * Tells people they have work: when a user task is created for groups or users, each member is
 * told (待认领); when a task is assigned to someone by another person or by the process, the
 * assignee is told (指派). Claiming a task oneself tells nobody, nor does the creation of a task
 * for the person whose action created it. Runs for every user task of every model
 * ({@link NotificationEnginePlugin}).
 */
@Service
@Transactional
public class TaskNotices {

    /** Task-local variables the task's view puts on it (see {@code consultation.TaskViews}). */
    static final String TOPIC_TITLE = "topicTitle";
    static final String CONSULTATION_NUMBER = "consultationNumber";
    /** The consultation a process works for, by the convention of every consultation process. */
    static final String CONSULTATION_ID = "consultationId";

    private final NotificationService notifications;
    private final IdentityService identityService;
    private final NotificationProperties properties;
    private final OrganisationService organisation;

    TaskNotices(NotificationService notifications, IdentityService identityService, NotificationProperties properties,
            OrganisationService organisation) {
        this.notifications = notifications;
        this.identityService = identityService;
        this.properties = properties;
        this.organisation = organisation;
    }

    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case TaskListener.EVENTNAME_CREATE -> offered(task);
            case TaskListener.EVENTNAME_ASSIGNMENT -> assigned(task);
            default -> { }
        }
    }

    private void offered(DelegateTask task) {
        if (task.getAssignee() != null) {
            return;
        }
        List<String> groups = task.getCandidates().stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
        Set<String> users = new LinkedHashSet<>(notifications.membersOf(groups));
        task.getCandidates().stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getUserId() != null)
                .map(IdentityLink::getUserId).forEach(users::add);
        String actor = actor();
        if (actor != null) {
            users.remove(actor);
        }
        if (users.isEmpty()) {
            return;
        }
        String groupNames = groups.isEmpty() ? "您" : identityService.createGroupQuery()
                .groupIdIn(groups.toArray(String[]::new)).unlimitedList().stream().map(Group::getName)
                .collect(Collectors.joining("、"));
        notifications.toUsers(users, about(task, MessageTemplate.TASK_OFFERED).with(Placeholder.GROUP, groupNames));
    }

    private void assigned(DelegateTask task) {
        String assignee = task.getAssignee();
        String actor = actor();
        if (assignee == null || assignee.equals(actor)) {
            return;
        }
        notifications.toUsers(List.of(assignee), about(task, MessageTemplate.TASK_ASSIGNED)
                .with(Placeholder.ASSIGNER, actor == null ? "系统" : organisation.nameOf(actor)));
    }

    private Message about(DelegateTask task, MessageTemplate template) {
        ProcessDefinition definition = task.getProcessEngineServices().getRepositoryService()
                .getProcessDefinition(task.getProcessDefinitionId());
        String process = definition.getName() == null ? definition.getKey() : definition.getName();
        Object title = task.getVariableLocal(TOPIC_TITLE);
        Object number = task.getVariableLocal(CONSULTATION_NUMBER);
        String businessKey = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
        Object consultationId = task.getVariable(CONSULTATION_ID);
        return Message.of(template, consultationId instanceof Number n ? n.longValue() : null)
                .with(Placeholder.TASK, task.getName())
                .with(Placeholder.PROCESS, process)
                .with(Placeholder.TOPIC, title != null ? title : process)
                .with(Placeholder.NUMBER, number != null ? number : businessKey != null ? businessKey : "—")
                .link(properties.getBaseUrl() + "/camunda/app/tasklist/default/#/?task=" + task.getId());
    }

    private static String actor() {
        return Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
    }
}
