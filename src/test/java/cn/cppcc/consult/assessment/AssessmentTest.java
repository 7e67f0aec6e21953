package cn.cppcc.consult.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.cppcc.consult.consultation.ConsultationForm;
import cn.cppcc.consult.consultation.ConsultationService;
import cn.cppcc.consult.consultation.MinutesService;
import cn.cppcc.consult.consultation.TopicDecision;
import cn.cppcc.consult.demo.DemoData;
import cn.cppcc.consult.demo.TasklistDriver;
import cn.cppcc.consult.notification.NotificationKind;
import cn.cppcc.consult.notification.NotificationService;
import cn.cppcc.consult.organisation.Role;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.support.ConsultTest;
import cn.cppcc.consult.support.FixturePlaces;
import cn.cppcc.consult.support.Scenarios;
import cn.cppcc.consult.support.WebSession;
import cn.cppcc.consult.talent.Talent;
import cn.cppcc.consult.talent.TalentService;
import cn.cppcc.consult.talent.TalentService.GroupInput;
import cn.cppcc.consult.talent.TalentService.TalentInput;
import cn.cppcc.consult.transfer.Mechanism;
import cn.cppcc.consult.transfer.ResultItem;
import cn.cppcc.consult.transfer.TransferService;
import cn.cppcc.consult.venue.SixHaves;
import cn.cppcc.consult.venue.VenueService;
import cn.cppcc.consult.venue.VenueService.VenueInput;

/**
 * {@code TownshipAssessment.bpmn} and its scoring, against figures worked out by hand from a fixed
 * data set: a county of its own (考核县) with four townships, consultations opened on 2 March 2026,
 * assessed on 21 April 2026 (day 50).
 *
 * <pre>
 * 甲镇 (2 villages)
 *   人才库建设  12 active of 20 → 6.0; member group liaising with 1 of 2 villages → 2.5           = 8.5
 *   平台阵地建设 studio 6/6 and village hall 3/6 in 2026: 9/12 × 15 = 11.25                     = 11.3
 *   工作机制运行 stages in time 8 of 9 (甲1: approval and planning in time, participants late since
 *              day 12; 甲2: six stages in time) → 8.9; items: 交办 done, 反馈 done, 问效 running: 2/3
 *              → 6.7; feedback 1/1 → 5.0                                                      = 20.6
 *   协商活动开展 held 1 (甲2) of 4 → 5.0                                                        = 5.0
 *   assessors: 组织领导 13.5, 创新亮点特色 8                                          total 66.9, 1st
 * 乙镇 (1 village)
 *   人才库建设  25 active → 10.0; group liaising with its 1 village → 5.0                        = 15.0
 *   平台阵地建设 no venue                                                                       = 0.0
 *   工作机制运行 乙1 rejected in time, 乙2 (emergency) still in approval past day 1: 1/2 → 5.0;
 *              no items → 0; no feedback → 0                                                  = 5.0
 *   协商活动开展 none held                                                                      = 0.0
 *   assessors: 15 and 10                                                             total 45.0, 2nd
 * 丙镇, 丁镇: nothing on record; assessors 15 and 10 each                              total 25.0, 3rd and 3rd
 * </pre>
 */
@ConsultTest
class AssessmentTest {

    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-03-02T09:00:00+08:00");
    private static final String COUNTY = "kaohe";
    private static final String A = "kaoa";
    private static final String B = "kaob";
    private static final String SUPERVISOR = DemoData.userId(COUNTY, Role.SUPERVISOR);

    @LocalServerPort int port;
    @Value("${consult.demo.password}") String password;
    @Autowired ProcessEngine engine;
    @Autowired TaskService taskService;
    @Autowired FixturePlaces fixtures;
    @Autowired Scenarios scenarios;
    @Autowired ConsultationService consultations;
    @Autowired MinutesService minutes;
    @Autowired TransferService transfers;
    @Autowired TalentService talents;
    @Autowired VenueService venues;
    @Autowired TasklistDriver tasklist;
    @Autowired AssessmentService assessments;
    @Autowired NotificationService notifications;

    private static boolean built;

    @BeforeEach
    void dataSet() {
        init(engine);
        if (!built) {
            build();
            built = true;
        }
        at(T0.plusDays(50));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void computedAndAssessorsScoresMakeTheCountyWideRanking() throws Exception {
        ProcessInstance pi = tasklist.start(SUPERVISOR, AssessmentProcess.KEY, Map.of("year", 2026));
        assertThat(pi).hasPassed(AssessmentProcess.TASK_COMPUTE).isWaitingAt(AssessmentProcess.TASK_SCORE);
        List<Task> tasks = taskService.createTaskQuery().processInstanceId(pi.getId()).list();
        assertThat(tasks).hasSize(4).allSatisfy(t -> assertThat(taskService.getIdentityLinksForTask(t.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("kaohe-supervisor")));

        Task a = taskOf(pi, A);
        assertThat((String) taskService.getVariableLocal(a.getId(), "computedSummary")).contains(
                "人才库建设：8.5分（满分15）", "人才库在册12人（20人得满分10分）：6.0分；委员履职小组联系村（社区）1/2个（满分5分）：2.5分",
                "平台阵地建设：11.3分", "工作机制运行：20.6分", "按时完成阶段8/9", "协商活动开展：5.0分");
        assertThat(taskService.getVariableLocal(a.getId(), "townshipName")).isEqualTo("甲镇");

        assertThatThrownBy(() -> tasklist.submit(a, SUPERVISOR, scores(16, "超出", 8, "特色")))
                .isInstanceOf(FormFieldValidationException.class).hasMessage("组织领导的得分须在0至15分之间");
        assertThatThrownBy(() -> tasklist.submit(a, SUPERVISOR, scores(12, " ", 8, "特色")))
                .isInstanceOf(FormFieldValidationException.class).hasMessage("请填写组织领导的评分依据");
        tasklist.submit(a, SUPERVISOR, scores(13.5, "领导小组健全，经费到位", 8, "院坝协商有特色"));
        tasklist.submit(taskOf(pi, B), SUPERVISOR, scores(15, "书记任组长", 10, "经验全市推广"));
        tasklist.submit(taskOf(pi, "kaoc"), SUPERVISOR, scores(15, "齐全", 10, "有特色"));
        assertThat(assessments.ranking(COUNTY, 2026).status()).isEqualTo("SCORING");
        tasklist.submit(taskOf(pi, "kaod"), SUPERVISOR, scores(15, "齐全", 10, "有特色"));

        assertThat(pi).hasPassed(AssessmentProcess.TASK_PUBLISH, AssessmentProcess.END_PUBLISHED).isEnded();
        Ranking ranking = assessments.ranking(COUNTY, 2026);
        assertThat(ranking.statusLabel()).isEqualTo("已发布");
        assertThat(ranking.rows()).extracting(Ranking.Row::rank, Ranking.Row::townshipName, Ranking.Row::total)
                .containsExactly(tuple(1, "甲镇", new BigDecimal("66.9")), tuple(2, "乙镇", new BigDecimal("45.0")),
                        tuple(3, "丙镇", new BigDecimal("25.0")), tuple(3, "丁镇", new BigDecimal("25.0")));
        assertThat(ranking.rows().get(0).cells()).extracting(Ranking.Cell::label, Ranking.Cell::points).containsExactly(
                tuple("组织领导", new BigDecimal("13.5")), tuple("人才库建设", new BigDecimal("8.5")),
                tuple("平台阵地建设", new BigDecimal("11.3")), tuple("工作机制运行", new BigDecimal("20.6")),
                tuple("协商活动开展", new BigDecimal("5.0")), tuple("创新亮点特色", new BigDecimal("8.0")));
        assertThat(ranking.rows().get(1).cells()).extracting(Ranking.Cell::points).containsExactly(
                new BigDecimal("15.0"), new BigDecimal("15.0"), new BigDecimal("0.0"), new BigDecimal("5.0"),
                new BigDecimal("0.0"), new BigDecimal("10.0"));
        assertThat(notifications.inbox(DemoData.userId(B, Role.LIAISON))).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.ASSESSMENT);
            assertThat(n.body()).isEqualTo("乙镇2026年度考核得分45.0分，全县排名第2名（共4个乡镇）。");
        });

        // exported for Excel, read by anyone working in the county
        WebSession township = WebSession.loggedIn(port, DemoData.userId(A, Role.LIAISON), password);
        HttpResponse<String> csv = township.get("/api/assessments/ranking.csv?year=2026");
        assertThat(csv.statusCode()).isEqualTo(200);
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("\uFEFF排名,乡镇（街道）,组织领导（15分）,人才库建设（15分）,平台阵地建设（15分）,"
                + "工作机制运行（25分）,协商活动开展（20分）,创新亮点特色（10分）,总分,评分依据");
        assertThat(lines[1]).startsWith("1,甲镇,13.5,8.5,11.3,20.6,5.0,8.0,66.9,组织领导：领导小组健全");
        assertThat(lines[4]).startsWith("3,丁镇,15.0,0.0,0.0,0.0,0.0,10.0,25.0,");
        assertThat(township.get("/api/assessments").body()).contains("\"year\":2026", "已发布");

        // one assessment per county and year, started by the county's supervisors only
        assertThatThrownBy(() -> tasklist.start(SUPERVISOR, AssessmentProcess.KEY, Map.of("year", 2026)))
                .isInstanceOf(FormFieldValidationException.class).hasMessage("考核县2026年度考核已经发起");
        assertThatThrownBy(() -> tasklist.start(DemoData.userId(A, Role.LIAISON), AssessmentProcess.KEY,
                Map.of("year", 2025))).isInstanceOf(FormFieldValidationException.class)
                .hasMessage("只有县政协督查可以发起乡镇年度考核");
        assertThatThrownBy(() -> tasklist.start(SUPERVISOR, AssessmentProcess.KEY, Map.of("year", 2027)))
                .isInstanceOf(FormFieldValidationException.class).hasMessage("考核年度须在2000年至2026年之间");
    }

    private Task taskOf(ProcessInstance pi, String township) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).list().stream()
                .filter(t -> township.equals(taskService.getVariable(t.getId(), "townshipCode")))
                .findFirst().orElseThrow();
    }

    private static Map<String, Object> scores(double leadership, String leadershipBasis, double innovation,
            String innovationBasis) {
        Map<String, Object> form = new HashMap<>();
        form.put("leadership", leadership);
        form.put("leadershipBasis", leadershipBasis);
        form.put("innovation", innovation);
        form.put("innovationBasis", innovationBasis);
        return form;
    }

    private void build() {
        fixtures.county(COUNTY, "考核县");
        fixtures.township(COUNTY, A, "甲镇", 2);
        fixtures.township(COUNTY, B, "乙镇", 1);
        fixtures.township(COUNTY, "kaoc", "丙镇", 0);
        fixtures.township(COUNTY, "kaod", "丁镇", 0);
        String a1v = FixturePlaces.village(A, 1);
        String bv = FixturePlaces.village(B, 1);

        at(T0);
        // 甲镇: 12 active people (10 at the township, 2 in village 1) and one who left
        List<Long> aMembers = new java.util.ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            Talent t = talents.add(new TalentInput(i <= 10 ? A : a1v, "甲镇人员" + i,
                    i <= 3 ? "RESIDENT_MEMBER" : "PUBLIC_REPRESENTATIVE", null, null, null, null));
            aMembers.add(t.id());
        }
        Talent left = talents.add(new TalentInput(A, "甲镇离任人员", "XIANGXIAN", null, null, null, null));
        talents.update(left.id(), new TalentInput(A, "甲镇离任人员", "XIANGXIAN", null, null, null, false));
        talents.saveGroup(null, new GroupInput(A, "甲镇第一履职小组", aMembers.subList(0, 2), List.of(a1v)));
        var studio = venues.add(new VenueInput(A, "甲镇同心圆工作室", "STUDIO", null));
        var hall = venues.add(new VenueInput(a1v, "甲镇1村议事厅", "VILLAGE_HALL", null));
        venues.assess(studio.id(), 2026, new SixHaves(true, true, true, true, true, true), null, SUPERVISOR);
        venues.assess(hall.id(), 2026, new SixHaves(true, true, true, false, false, false), null, SUPERVISOR);
        // 乙镇: 25 active people, a group liaising with its only village
        List<Long> bMembers = new java.util.ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            bMembers.add(talents.add(new TalentInput(B, "乙镇人员" + i, i <= 2 ? "RESIDENT_MEMBER" : "EXPERT", null,
                    null, null, null)).id());
        }
        talents.saveGroup(null, new GroupInput(B, "乙镇履职小组", bMembers.subList(0, 2), List.of(bv)));

        var a1 = scenarios.at(A, DemoData.userId(A, Role.LIAISON), "甲镇议题一", false);
        var a2 = scenarios.at(a1v, DemoData.userId(a1v, Role.VILLAGE_COMMITTEE), "甲镇1村议题二", false);
        var b1 = scenarios.at(B, DemoData.userId(B, Role.LIAISON), "乙镇议题一", false);
        scenarios.at(bv, DemoData.userId(bv, Role.VILLAGE_COMMITTEE), "乙镇1村应急议题", true);
        at(T0.plusDays(1));
        consultations.decideTopic(b1.id(), TopicDecision.REJECT, "已纳入信访", DemoData.userId(B, Role.PARTY));
        at(T0.plusDays(2));
        a1.approved();
        at(T0.plusDays(3));
        a2.approved();
        at(T0.plusDays(4));
        a2.planned(ConsultationForm.MEETING, false).withParticipants();
        at(T0.plusDays(5));
        a1.planned(ConsultationForm.MEETING, false);
        at(T0.plusDays(6));
        a2.researched(true).consulted()
                .minutesFiled(EnumSet.of(Mechanism.ASSIGNMENT, Mechanism.FEEDBACK), EnumSet.of(Mechanism.INQUIRY));
        List<ResultItem> items = minutes.resultItems(a2.id());
        for (Mechanism m : List.of(Mechanism.ASSIGNMENT, Mechanism.FEEDBACK)) {
            transfers.start(items.get(0).id(), m, null);
            transfers.finish(items.get(0).id(), m, "已办结", DemoData.userId(a1v, Role.VILLAGE_COMMITTEE));
        }
        transfers.start(items.get(1).id(), Mechanism.INQUIRY, null);
    }

    private static void at(OffsetDateTime time) {
        ClockUtil.setCurrentTime(Date.from(time.atZoneSameInstant(FormValues.ZONE).toInstant()));
    }
}
