package cn.cppcc.consult.supervision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.cppcc.consult.config.SetupLock;
import cn.cppcc.consult.consultation.ConsultationProcess;
import cn.cppcc.consult.organisation.Role;
import cn.cppcc.consult.organisation.RoleAdded;
import cn.cppcc.consult.transfer.Mechanism;

/**
 * Tasklist filters for every role, in Chinese, created at start-up: 我的任务, 本组待办, 已逾期,
 * 本周到期, one per stage of the consultation for the roles that work in it, and the supervisors'
 * overdue lists for their whole area. Each filter's query is relative to whoever looks (their own
 * tasks and their groups' tasks) except the supervisors', which show every task they may see.
 *
 * <p>Idempotent and safe on a cluster: the work runs in one transaction holding the row lock of
 * {@code setup_lock 'tasklist-filters'}, finds each filter by name and brings it up to date (query,
 * properties, read permission per role group) instead of adding a second one. Groups added later get
 * their read permissions at the next start.
 */
@Component
public class TasklistFilters {

    private static final Logger LOG = LoggerFactory.getLogger(TasklistFilters.class);
    private static final String LOCK = "tasklist-filters";
    /** Marks the filters this class keeps up to date. */
    static final String MANAGED = "consultManaged";

    private static final String ME = "${currentUser()}";
    private static final String MY_GROUPS = "${currentUserGroups()}";
    private static final String NOW = "${now()}";
    /** Next Monday 00:00: the end of this week. */
    private static final String END_OF_WEEK = "${dateTime().withTimeAtStartOfDay().withDayOfWeek(1).plusWeeks(1)}";

    private static final List<Role> ORGANISERS = List.of(Role.OFFICE, Role.LIAISON, Role.VILLAGE_COMMITTEE);

    private final FilterService filterService;
    private final TaskService taskService;
    private final AuthorizationService authorizationService;
    private final JdbcClient jdbc;
    private final SetupLock setupLock;
    private final TransactionTemplate transaction;

    TasklistFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService,
            JdbcClient jdbc, SetupLock setupLock, TransactionTemplate transaction) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.authorizationService = authorizationService;
        this.jdbc = jdbc;
        this.setupLock = setupLock;
        this.transaction = transaction;
    }

    /**
     * One filter: its name, the roles that see it (none: everyone), its place in Tasklist's list, its
     * description and query.
     */
    record Definition(String name, List<Role> roles, int priority, String description, TaskQuery query) {
    }

    List<Definition> definitions() {
        List<Definition> list = new ArrayList<>();
        list.add(new Definition("我的任务", List.of(), -20, "已认领或指派给我的任务",
                taskService.createTaskQuery().taskAssigneeExpression(ME).orderByDueDate().asc()));
        list.add(new Definition("本组待办", List.of(), -19, "交给我所在用户组、尚未认领的任务",
                taskService.createTaskQuery().taskCandidateGroupInExpression(MY_GROUPS).orderByDueDate().asc()));
        list.add(new Definition("已逾期", List.of(), -18, "我或我所在用户组的任务中已超过时限的",
                mine().dueBeforeExpression(NOW).orderByDueDate().asc()));
        list.add(new Definition("本周到期", List.of(), -17, "我或我所在用户组的任务中本周内到期、尚未逾期的",
                mine().dueAfterExpression(NOW).dueBeforeExpression(END_OF_WEEK).orderByDueDate().asc()));
        list.add(stage("议题审定", -10, with(ORGANISERS, Role.PARTY),
                ConsultationProcess.TASK_APPROVE_TOPIC, ConsultationProcess.TASK_REVISE_TOPIC));
        list.add(stage("实施方案与协商主体", -9, with(ORGANISERS, Role.PARTY),
                ConsultationProcess.TASK_DRAFT_PLAN, ConsultationProcess.TASK_DRAFT_PARTICIPANTS,
                ConsultationProcess.TASK_APPROVE_PARTICIPANTS));
        list.add(stage("会前调研", -8, with(ORGANISERS, Role.HOST, Role.PARTY),
                ConsultationProcess.TASK_CONDUCT_RESEARCH, ConsultationProcess.TASK_REVIEW_RESEARCH,
                ConsultationProcess.TASK_PRE_BRIEF_PARTY));
        list.add(stage("协商议事", -7, with(ORGANISERS, Role.MEMBER),
                ConsultationProcess.TASK_HOLD_MEETING, ConsultationProcess.TASK_SUBMIT_WRITTEN_OPINION,
                ConsultationProcess.TASK_SUMMARISE_OPINIONS));
        list.add(stage("协商纪要", -6, with(ORGANISERS, Role.HOST, Role.LIAISON_COMMITTEE),
                ConsultationProcess.TASK_DRAFT_MINUTES, ConsultationProcess.TASK_REVIEW_MINUTES,
                ConsultationProcess.TASK_FILE_MINUTES));
        list.add(new Definition("成果转化", with(ORGANISERS, Role.DEPARTMENT, Role.MEMBER, Role.SUPERVISOR,
                Role.GOVERNMENT, Role.PARTY), -5, "成果转化四项机制（交办、转报、问效、反馈）中我或我所在用户组的任务",
                mine().processDefinitionKeyIn(java.util.Arrays.stream(Mechanism.values()).map(Mechanism::processKey)
                        .toArray(String[]::new)).orderByDueDate().asc()));
        list.add(new Definition("督查：辖区内逾期任务", List.of(Role.SUPERVISOR), 0,
                "我有权查看的全部任务中已超过时限的，最久的在前",
                taskService.createTaskQuery().dueBeforeExpression(NOW).orderByDueDate().asc()));
        list.add(new Definition("督查：辖区内本周到期", List.of(Role.SUPERVISOR), 1,
                "我有权查看的全部任务中本周内到期、尚未逾期的",
                taskService.createTaskQuery().dueAfterExpression(NOW).dueBeforeExpression(END_OF_WEEK)
                        .orderByDueDate().asc()));
        return list;
    }

    /** Creates or brings up to date every filter; run at start-up. */
    @EventListener(ApplicationReadyEvent.class)
    @Order // after the demo data, whose groups get their read permissions here on first start
    public void synchronise() {
        transaction.executeWithoutResult(status -> {
            setupLock.take(LOCK);
            for (Definition definition : definitions()) {
                Filter filter = filterService.createFilterQuery().filterResourceType(Resources.TASK.resourceName())
                        .filterName(definition.name()).list().stream().filter(f -> f.getOwner() == null).findFirst()
                        .orElseGet(() -> filterService.newTaskFilter(definition.name()));
                filter.setQuery(definition.query());
                filter.setProperties(properties(definition));
                filterService.saveFilter(filter);
                grantRead(filter.getId(), definition.roles());
            }
        });
        LOG.info("任务筛选器已就绪：{}个", definitions().size());
    }

    private Map<String, Object> properties(Definition definition) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", definition.description());
        properties.put("priority", definition.priority());
        properties.put("color", definition.roles().contains(Role.SUPERVISOR) && definition.roles().size() == 1
                ? "#b5152b" : "#555555");
        properties.put("refresh", true);
        properties.put("showUndefinedVariable", false);
        properties.put(MANAGED, true);
        properties.put("variables", List.of(
                Map.of("name", "consultationNumber", "label", "协商编号"),
                Map.of("name", "topicTitle", "label", "议题"),
                Map.of("name", "placeName", "label", "所在地")));
        return properties;
    }

    /** Everyone may read a filter for everyone; a role's filter is read by every group of that role. */
    private void grantRead(String filterId, List<Role> roles) {
        List<String> groups = roles.isEmpty() ? List.of() : jdbc.sql("select group_id from org_role where role in (:roles)")
                .param("roles", roles.stream().map(Role::name).toList())
                .query(String.class)
                .list();
        if (roles.isEmpty()) {
            if (authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(filterId)
                    .userIdIn(Authorization.ANY).count() == 0) {
                Authorization global = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
                global.setResource(Resources.FILTER);
                global.setResourceId(filterId);
                global.addPermission(Permissions.READ);
                authorizationService.saveAuthorization(global);
            }
            return;
        }
        for (String group : groups) {
            grantRead(filterId, group);
        }
    }

    /** A role set up later at a place (organisation page, tests) reads its role's filters at once. */
    @EventListener
    public void roleAdded(RoleAdded added) {
        for (Definition definition : definitions()) {
            if (definition.roles().contains(added.role())) {
                filterService.createFilterQuery().filterResourceType(Resources.TASK.resourceName())
                        .filterName(definition.name()).unlimitedList().stream().filter(f -> f.getOwner() == null)
                        .findFirst().ifPresent(filter -> grantRead(filter.getId(), added.groupId()));
            }
        }
    }

    private void grantRead(String filterId, String group) {
        if (authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(filterId)
                .groupIdIn(group).count() == 0) {
            Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            grant.setResource(Resources.FILTER);
            grant.setResourceId(filterId);
            grant.setGroupId(group);
            grant.addPermission(Permissions.READ);
            authorizationService.saveAuthorization(grant);
        }
    }

    private Definition stage(String name, int priority, List<Role> roles, String... taskKeys) {
        return new Definition("阶段：" + name, roles, priority, "“" + name + "”阶段中我或我所在用户组的任务",
                mine().taskDefinitionKeyIn(taskKeys).orderByDueDate().asc());
    }

    /** Tasks assigned to me, or offered to one of my groups (claimed by someone else or not). */
    private TaskQuery mine() {
        return taskService.createTaskQuery().or()
                .taskAssigneeExpression(ME)
                .taskCandidateGroupInExpression(MY_GROUPS).includeAssignedTasks()
                .endOr();
    }

    private static List<Role> with(List<Role> base, Role... more) {
        List<Role> roles = new ArrayList<>(base);
        roles.addAll(List.of(more));
        return List.copyOf(Set.copyOf(roles)).stream().sorted().toList();
    }
}
