package cn.cppcc.consult.support;

import static cn.cppcc.consult.demo.TasklistDriver.json;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.demo.TasklistDriver;
import cn.cppcc.consult.organisation.Role;
import cn.cppcc.consult.plan.AnnualPlan;
import cn.cppcc.consult.plan.AnnualPlanProcess;
import cn.cppcc.consult.plan.AnnualPlanService;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.topic.Topic;

/**
 * Annual plans as tests need them, worked through Tasklist's path. Each test plans a year of its own
 * (a place has one plan per year) and sets the engine clock into it with {@link #startOfYear}.
 */
@Component
public class Plans {

    private final AnnualPlanService plans;
    private final TasklistDriver tasklist;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final HistoryService historyService;

    Plans(AnnualPlanService plans, TasklistDriver tasklist, TaskService taskService, ManagementService managementService,
            HistoryService historyService) {
        this.plans = plans;
        this.historyService = historyService;
        this.tasklist = tasklist;
        this.taskService = taskService;
        this.managementService = managementService;
    }

    /** Moves the engine clock to 2 January of {@code year}, 09:00 Beijing time. */
    public static void startOfYear(int year) {
        at(LocalDate.of(year, 1, 2), 9);
    }

    public static void at(LocalDate day, int hour) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(hour, 0).atZone(FormValues.ZONE).toInstant()));
    }

    public ProcessInstance start(Places place, int year) {
        return tasklist.start(place.organiser(), AnnualPlanProcess.KEY, Map.of("planYear", year));
    }

    /** The selection form: each topic planned on the first of a month, from March on. */
    public static Map<String, Object> selection(int year, Topic... topics) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < topics.length; i++) {
            items.add(Map.of("topicId", String.valueOf(topics[i].id()), "plannedOn", LocalDate.of(year, 3 + 3 * i, 1).toString()));
        }
        return Map.of("items", json(items));
    }

    /** A plan selected, approved, issued and published: waiting for its dates and open to amendment. */
    public ProcessInstance issued(Places place, int year, Topic... topics) {
        ProcessInstance pi = start(place, year);
        submit(pi, AnnualPlanProcess.TASK_SELECT_KEY_TOPICS, place.organiser(), selection(year, topics));
        submit(pi, AnnualPlanProcess.TASK_APPROVE_PLAN, place.user(Role.PARTY), Map.of("planApproved", "true"));
        if (place == Places.COUNTY) {
            submit(pi, AnnualPlanProcess.TASK_SIGN_PARTY_OFFICE, place.user(Role.PARTY_OFFICE),
                    Map.of("documentNumber", "清委办发〔" + year + "〕1号"));
            submit(pi, AnnualPlanProcess.TASK_SIGN_GOVERNMENT_OFFICE, place.user(Role.GOVERNMENT_OFFICE), Map.of());
            submit(pi, AnnualPlanProcess.TASK_SIGN_CPPCC_OFFICE, place.organiser(), Map.of());
        } else {
            submit(pi, AnnualPlanProcess.TASK_ISSUE_TOWNSHIP_PLAN, place.user(Role.PARTY_OFFICE),
                    Map.of("documentNumber", "云党政办〔" + year + "〕1号"));
        }
        Jobs.runAll(managementService, pi.getId());
        return pi;
    }

    public void submit(ProcessInstance pi, String taskKey, String user, Map<String, Object> form) {
        tasklist.submit(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey)
                .singleResult(), user, form);
    }

    public long planId(ProcessInstance pi) {
        return (Long) historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName(AnnualPlanProcess.PLAN_ID.name()).singleResult().getValue();
    }

    public AnnualPlan plan(ProcessInstance pi) {
        return plans.plan(planId(pi));
    }
}
