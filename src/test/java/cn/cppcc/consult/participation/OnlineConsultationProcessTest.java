package cn.cppcc.consult.participation;

import static cn.cppcc.consult.consultation.ConsultationProcess.EVENT_ONLINE_CLOSED;
import static cn.cppcc.consult.consultation.ConsultationProcess.GATEWAY_OPINIONS_MERGE;
import static cn.cppcc.consult.consultation.ConsultationProcess.TASK_DRAFT_MINUTES;
import static cn.cppcc.consult.consultation.ConsultationProcess.TASK_SUMMARISE_OPINIONS;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.cppcc.consult.consultation.ConsultationForm;
import cn.cppcc.consult.consultation.ConsultationService;
import cn.cppcc.consult.consultation.MinutesService;
import cn.cppcc.consult.consultation.Outcome;
import cn.cppcc.consult.demo.TasklistDriver;
import cn.cppcc.consult.notification.StaffContacts;
import cn.cppcc.consult.organisation.Role;
import cn.cppcc.consult.participation.OnlineFixture.Online;
import cn.cppcc.consult.participation.PublicOnlineController.Detail;
import cn.cppcc.consult.support.ConsultTest;
import cn.cppcc.consult.support.Places;
import cn.cppcc.consult.support.Scenarios;
import cn.cppcc.consult.transfer.Adoption;
import cn.cppcc.consult.transfer.Mechanism;
import cn.cppcc.consult.transfer.feedback.FeedbackService;
import cn.cppcc.consult.transfer.ResultItem;
import cn.cppcc.consult.transfer.TransferService;

/**
 * An online consultation from opening to minutes: citizens and a member post and support opinions,
 * one is edited and one hidden, the timer in {@code Consultation.bpmn} closes it, and the summary and
 * minutes tasks receive exactly the opinions posted before it closed, grouped by role and support.
 * After it, its public page shows the outcome and what the transfer mechanisms did.
 */
@ConsultTest
class OnlineConsultationProcessTest {

    private static final Places TOWNSHIP = Places.TOWNSHIP;
    private static final String MEMBER = "qingxi.member";

    @Autowired OnlineFixture fixture;
    @Autowired OnlineOpinions opinions;
    @Autowired Invitations invitations;
    @Autowired StaffContacts contacts;
    @Autowired TasklistDriver tasklist;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired ConsultationService consultations;
    @Autowired Scenarios scenarios;
    @Autowired TransferService transfers;
    @Autowired FeedbackService feedback;
    @Autowired MinutesService minutesService;
    @Autowired PublicOnlineController publicPage;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void open() {
        fixture.open();
    }

    @AfterEach
    void close() {
        fixture.close();
        contacts.saveContact(MEMBER, null, null, null, null);
        jdbc.sql("delete from staff_contact where user_id = ?").param(MEMBER).update();
    }

    @Test
    void anOnlineConsultationCollectsOpinionsFromCitizensAndMembersClosesByItsTimerAndTheMinutesReceiveExactlyThem() {
        Online online = fixture.openConsultation(TOWNSHIP);
        assertThat(online.process()).isWaitingAt(EVENT_ONLINE_CLOSED);
        String memberMobile = OnlineFixture.mobile();
        contacts.saveContact(MEMBER, null, memberMobile, null, null);
        invitations.inviteAccounts(online.id(), false, TOWNSHIP.user(Role.HOST));

        Person member = fixture.register("王委员", memberMobile);
        Person zhang = fixture.register("张建华", OnlineFixture.mobile());
        Person li = fixture.register("李秀英", OnlineFixture.mobile());
        Person liu = fixture.register("刘强", OnlineFixture.mobile());
        long byMember = opinions.post(online.id(), member, "建议分两期实施，先修排水沟");
        long byZhang = opinions.post(online.id(), zhang, "路面坑洼多，\n雨天积水严重");
        long byLi = opinions.post(online.id(), li, "希望施工期间保留一条通行道");
        long advert = opinions.post(online.id(), liu, "低价出售建材，联系微信XXX");
        opinions.support(byZhang, li);
        opinions.support(byZhang, liu);
        opinions.support(byMember, zhang);
        opinions.edit(byLi, li, "施工期间请保留一条通行道，并提前公告");
        opinions.hide(advert, "与议题无关的广告", TOWNSHIP.user(Role.HOST));

        Date closing = consultations.onlineClosingTime(online.id());
        Job timer = managementService.createJobQuery().processInstanceId(online.process().getId()).timers().singleResult();
        assertThat(timer.getDuedate()).isEqualTo(closing);
        ClockUtil.setCurrentTime(new Date(closing.getTime() + 1000));
        assertThatThrownBy(() -> opinions.post(online.id(), zhang, "截止后才想起来")).isInstanceOf(Refusal.class)
                .hasMessageStartingWith("网络协商已于");
        assertThatThrownBy(() -> opinions.support(byLi, zhang)).isInstanceOf(Refusal.class);
        managementService.executeJob(timer.getId());

        assertThat(online.process()).hasPassed(EVENT_ONLINE_CLOSED, GATEWAY_OPINIONS_MERGE)
                .isWaitingAt(TASK_SUMMARISE_OPINIONS);
        String forSummary = view(online, TASK_SUMMARISE_OPINIONS);
        tasklist.submit(online.number(), TASK_SUMMARISE_OPINIONS, TOWNSHIP.organiser(),
                Map.of("outcome", "PARTIAL", "summary", "多数意见支持分期实施"));
        assertThat(online.process()).isWaitingAt(TASK_DRAFT_MINUTES);
        String forMinutes = view(online, TASK_DRAFT_MINUTES);

        assertThat(forMinutes).isEqualTo(forSummary);
        String closedAt = OnlineWindow.time(consultations.get(online.id()).closingAt());
        assertThat(forMinutes).startsWith("网络协商截至" + closedAt
                + "共收到意见3条，其中政协委员1条、群众2条；共获支持3次。另有1条被主持人屏蔽，未计入。");
        // exactly the opinions posted before the close, each once, with its support, grouped by role
        assertThat(section(forMinutes, "一、按身份分组（组内按支持数排列）")).containsExactly(
                "【政协委员】1条",
                "  1. 王委员：建议分两期实施，先修排水沟（支持1）",
                "【群众】2条",
                "  1. 张**：路面坑洼多， 雨天积水严重（支持2）",
                "  2. 李**：施工期间请保留一条通行道，并提前公告（支持0）");
        assertThat(section(forMinutes, "二、支持最多的意见")).containsExactly(
                "  1）支持2次｜张**（群众）：路面坑洼多， 雨天积水严重",
                "  2）支持1次｜王委员（政协委员）：建议分两期实施，先修排水沟");
        assertThat(section(forMinutes, "三、被屏蔽的意见（未计入）")).containsExactly(
                "  - 刘*（群众）：低价出售建材，联系微信XXX｜屏蔽理由：与议题无关的广告");
        assertThat(forMinutes).doesNotContain("张建华", "李秀英", "刘强", "截止后才想起来");
    }

    @Test
    void afterTheConsultationThePageShowsItsOutcomeAndLaterWhatTheTransferMechanismsDid() {
        var s = scenarios.at(TOWNSHIP).approved().planned(ConsultationForm.ONLINE, false).withParticipants()
                .researched(true).consulted();
        Detail concluded = publicPage.detail(s.number(), null);
        assertThat(concluded.statusLabel()).isEqualTo("已形成协商结果");
        assertThat(concluded.open()).isFalse();
        assertThat(concluded.outcome().label()).isEqualTo(Outcome.CONSENSUS.label());
        assertThat(concluded.outcome().summary()).isEqualTo("达成共识");
        assertThat(concluded.results()).isEmpty();

        s.minutesFiled(EnumSet.of(Mechanism.ASSIGNMENT, Mechanism.FEEDBACK));
        ResultItem item = minutesService.resultItems(s.id()).get(0);
        transfers.start(item.id(), Mechanism.ASSIGNMENT, null);
        transfers.start(item.id(), Mechanism.FEEDBACK, null);
        transfers.finish(item.id(), Mechanism.ASSIGNMENT, "县交通局内部办理意见", "yunling.department");
        Detail transferring = publicPage.detail(s.number(), null);
        assertThat(transferring.statusLabel()).isEqualTo("协商成果办理中");
        assertThat(transferring.results()).singleElement().satisfies(result -> {
            assertThat(result.content()).isEqualTo("事项");
            assertThat(result.mechanisms()).extracting(m -> m.label() + "|" + m.statusLabel())
                    .containsExactly("交办|已办结", "反馈|办理中");
        });

        // what the results window says of the feedback, the online page says too
        feedback.report(item.id(), Adoption.ADOPTED, "已列入今年村道修缮计划，9月完工", false, "yunling.liaison");
        feedback.send(item.id());
        assertThat(publicPage.detail(s.number(), null).results().get(0).mechanisms())
                .filteredOn(m -> m.label().equals("反馈")).singleElement()
                .satisfies(m -> assertThat(m.detail()).isEqualTo("已作阶段反馈1次（已采纳）"));
    }

    private String view(Online online, String taskKey) {
        return (String) taskService.getVariableLocal(tasklist.task(online.number(), taskKey).getId(), "opinionsSummary");
    }

    /** The lines of one numbered section of the summary, up to the next blank line. */
    private static List<String> section(String text, String heading) {
        List<String> lines = Arrays.asList(text.split("\n"));
        int start = lines.indexOf(heading);
        assertThat(start).as("小节“%s”", heading).isNotNegative();
        List<String> rest = lines.subList(start + 1, lines.size());
        int end = rest.indexOf("");
        return end < 0 ? rest : rest.subList(0, end);
    }
}
