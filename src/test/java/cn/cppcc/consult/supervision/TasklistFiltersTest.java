package cn.cppcc.consult.supervision;

import static cn.cppcc.consult.consultation.ConsultationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.cppcc.consult.demo.DemoData;
import cn.cppcc.consult.demo.TasklistDriver;
import cn.cppcc.consult.organisation.Role;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.support.ConsultTest;
import cn.cppcc.consult.support.FixturePlaces;
import cn.cppcc.consult.support.Forms;

/** The Tasklist filters made at start-up: each role's lists, relative to who looks, made once however often they run. */
@ConsultTest
class TasklistFiltersTest {

    /** A Monday morning, Beijing time. */
    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-03-02T09:00:00+08:00");
    private static final String TOWN = "filtert";

    @Autowired TasklistFilters filters;
    @Autowired FilterService filterService;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired AuthorizationService authorizationService;
    @Autowired TasklistDriver tasklist;
    @Autowired FixturePlaces fixtures;

    @BeforeEach
    void fixtures() {
        fixtures.township(TOWN, "筛选镇", 0);
        at(T0);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void everyRoleFindsItsWorkByOwnerGroupDeadlineAndStage() {
        String party = DemoData.userId(TOWN, Role.PARTY);
        ProcessInstance pi = tasklist.start(DemoData.userId(TOWN, Role.LIAISON), KEY, Forms.startConsultation("筛选镇议题"));
        Task approval = tasklist.task(pi.getBusinessKey(), TASK_APPROVE_TOPIC);

        assertThat(ids(party, "本组待办")).contains(approval.getId());
        assertThat(ids(party, "阶段：议题审定")).contains(approval.getId());
        assertThat(ids(party, "阶段：协商纪要")).doesNotContain(approval.getId());
        assertThat(ids(party, "我的任务")).doesNotContain(approval.getId());
        assertThat(ids(DemoData.userId(TOWN, Role.LIAISON), "本组待办")).doesNotContain(approval.getId());
        assertThat(ids("yunling.party", "本组待办")).doesNotContain(approval.getId());

        // due on Thursday 12 March: not this week on Monday 2 March, this week on Monday 9 March, overdue on the 13th
        assertThat(ids(party, "本周到期")).doesNotContain(approval.getId());
        at(T0.plusDays(7).plusHours(1));
        assertThat(ids(party, "本周到期")).contains(approval.getId());
        assertThat(ids(party, "已逾期")).doesNotContain(approval.getId());
        at(T0.plusDays(11));
        assertThat(ids(party, "本周到期")).doesNotContain(approval.getId());
        assertThat(ids(party, "已逾期")).contains(approval.getId());
        assertThat(ids("qingxi.supervisor", "督查：辖区内逾期任务")).contains(approval.getId());

        taskService.claim(approval.getId(), party);
        assertThat(ids(party, "我的任务")).contains(approval.getId());
        assertThat(ids(party, "本组待办")).doesNotContain(approval.getId());
        assertThat(ids(party, "已逾期")).contains(approval.getId());
    }

    @Test
    void filtersAreMadeOnceHoweverManyNodesStartAtOnceAndEachRoleMayReadItsOwn() {
        for (TasklistFilters.Definition definition : filters.definitions()) {
            filterService.createFilterQuery().filterName(definition.name()).list()
                    .forEach(f -> filterService.deleteFilter(f.getId()));
        }
        List<CompletableFuture<Void>> nodes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            nodes.add(CompletableFuture.runAsync(filters::synchronise));
        }
        nodes.forEach(CompletableFuture::join);
        filters.synchronise();

        for (TasklistFilters.Definition definition : filters.definitions()) {
            assertThat(filterService.createFilterQuery().filterName(definition.name()).count())
                    .as(definition.name()).isEqualTo(1);
        }
        Filter everyone = filter("已逾期");
        assertThat(everyone.getProperties()).containsEntry("description", "我或我所在用户组的任务中已超过时限的");
        assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER)
                .resourceId(everyone.getId()).userIdIn(Authorization.ANY).hasPermission(Permissions.READ).count())
                .isEqualTo(1);
        String supervisors = filter("督查：辖区内逾期任务").getId();
        assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(supervisors)
                .groupIdIn("qingxi-supervisor").count()).isEqualTo(1);
        assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(supervisors)
                .groupIdIn("yunling-party").count()).isZero();
        assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER)
                .resourceId(filter("阶段：议题审定").getId()).groupIdIn("yunling-party", "yunling-liaison").count())
                .isEqualTo(2);
    }

    private Filter filter(String name) {
        return filterService.createFilterQuery().filterName(name).singleResult();
    }

    private List<String> ids(String user, String filterName) {
        String id = filter(filterName).getId();
        // a filter the user may not read is not in their Tasklist: it shows them nothing
        return as(user, () -> filterService.createFilterQuery().filterId(id).count() == 0 ? List.<String>of()
                : filterService.<Task>listPage(id, 0, 500).stream().map(Task::getId).toList());
    }

    private <T> T as(String user, Supplier<T> work) {
        identityService.setAuthentication(user, identityService.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).toList(), identityService.createTenantQuery().userMember(user)
                .includingGroupsOfUser(true).list().stream().map(Tenant::getId).toList());
        try {
            return work.get();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static void at(OffsetDateTime time) {
        ClockUtil.setCurrentTime(Date.from(time.atZoneSameInstant(FormValues.ZONE).toInstant()));
    }
}
