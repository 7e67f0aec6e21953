package cn.cppcc.consult.talent;

import static cn.cppcc.consult.consultation.ConsultationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static cn.cppcc.consult.support.WebSession.ok;
import static cn.cppcc.consult.support.WebSession.refused;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cppcc.consult.consultation.ConsultationForm;
import cn.cppcc.consult.consultation.ConsultationService;
import cn.cppcc.consult.consultation.Participant;
import cn.cppcc.consult.consultation.ParticipantCategory;
import cn.cppcc.consult.demo.DemoData;
import cn.cppcc.consult.demo.TasklistDriver;
import cn.cppcc.consult.organisation.Role;
import cn.cppcc.consult.support.ConsultTest;
import cn.cppcc.consult.support.FixturePlaces;
import cn.cppcc.consult.support.Forms;
import cn.cppcc.consult.support.Scenarios;
import cn.cppcc.consult.support.WebSession;

/**
 * The talent pool and member groups, kept over the staff API by a township's liaison, and used when a
 * village's participants are drawn up: the members liaising with the village are offered first.
 */
@ConsultTest
class TalentPoolTest {

    private static final String TOWN = "talentt";
    private static final String VILLAGE = FixturePlaces.village(TOWN, 1);
    /** The township whose pool is kept over the API (its own, so the tests run in any order). */
    private static final String KEPT = "talentu";

    @LocalServerPort int port;
    @Value("${consult.demo.password}") String password;
    @Autowired FixturePlaces fixtures;
    @Autowired TalentService talents;
    @Autowired Scenarios scenarios;
    @Autowired TasklistDriver tasklist;
    @Autowired TaskService taskService;
    @Autowired ConsultationService consultations;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void fixtures() {
        fixtures.township(TOWN, "人才镇", 2);
        fixtures.township(KEPT, "库管镇", 1);
    }

    @Test
    void aLiaisonKeepsTheTalentPoolAndMemberGroupsOfItsTownshipOnly() throws Exception {
        WebSession liaison = WebSession.loggedIn(port, DemoData.userId(KEPT, Role.LIAISON), password);
        long a = id(ok(liaison.postJson("/api/talent", talent(KEPT, "甲委员", "RESIDENT_MEMBER"))));
        long b = id(ok(liaison.postJson("/api/talent", talent(KEPT, "乙委员", "RESIDENT_MEMBER"))));
        long sage = id(ok(liaison.postJson("/api/talent", talent(FixturePlaces.village(KEPT, 1), "丙乡贤", "XIANGXIAN"))));

        assertThat(refused(liaison.postJson("/api/talent", talent(KEPT, " ", "EXPERT")), 400)).contains("请填写姓名");
        assertThat(refused(liaison.postJson("/api/talent", talent(KEPT, "丁", "WIZARD")), 400)).contains("类别“WIZARD”无效");
        WebSession other = WebSession.loggedIn(port, "taoyuan.liaison", password);
        assertThat(refused(other.postJson("/api/talent", talent(KEPT, "戊", "EXPERT")), 403))
                .contains("您无权管理该地的人才库（库管镇）");
        assertThat(json.readTree(ok(other.get("/api/talent"))).toString()).doesNotContain("甲委员");
        assertThat(refused(other.get("/api/talent?place=" + KEPT), 403)).contains("您无权查看库管镇的情况");

        assertThat(refused(liaison.postJson("/api/member-groups", group("一人组", a)), 400)).contains("须有2至3名住地政协委员");
        assertThat(refused(liaison.postJson("/api/member-groups", group("有乡贤", a, sage)), 400))
                .contains("丙乡贤不是在册的住地政协委员");
        JsonNode created = json.readTree(ok(liaison.postJson("/api/member-groups", group("第一履职小组", a, b))));
        assertThat(created.path("villages").get(0).path("name").asText()).isEqualTo("库管镇1村");
        assertThat(refused(liaison.postJson("/api/member-groups", group("第二履职小组", a, b)), 400))
                .contains("库管镇1村已由“第一履职小组”联系");
        assertThat(json.readTree(ok(liaison.get("/api/member-groups?place=" + KEPT))).get(0).path("members"))
                .hasSize(2);
    }

    @Test
    void participantsAreDrawnFromTheTalentPoolWithTheLiaisingMembersFirst() {
        Talent member = talents.add(new TalentService.TalentInput(TOWN, "赵委员", "RESIDENT_MEMBER", "县政协委员", null,
                "qingxi.member", null));
        Talent other = talents.add(new TalentService.TalentInput(TOWN, "钱委员", "RESIDENT_MEMBER", null, null, null, null));
        Talent expert = talents.add(new TalentService.TalentInput("qingxi", "孙教授", "EXPERT", "县农技站", "农业", null, null));
        Talent sage = talents.add(new TalentService.TalentInput(VILLAGE, "李乡贤", "XIANGXIAN", null, null, null, null));
        Talent elsewhere = talents.add(new TalentService.TalentInput(FixturePlaces.village(TOWN, 2), "周代表",
                "PUBLIC_REPRESENTATIVE", null, null, null, null));
        talents.groups(List.of(TOWN)).forEach(g -> talents.deleteGroup(g.id()));
        talents.saveGroup(null, new TalentService.GroupInput(TOWN, "联系1村小组", List.of(other.id(), member.id()),
                List.of(VILLAGE)));

        var s = scenarios.at(VILLAGE, DemoData.userId(VILLAGE, Role.VILLAGE_COMMITTEE), "人才村议题", false)
                .approved().planned(ConsultationForm.MEETING, false);
        s.startBefore(TASK_DRAFT_PARTICIPANTS);
        Task draft = tasklist.task(s.number(), TASK_DRAFT_PARTICIPANTS);
        String options = taskService.getVariableLocal(draft.getId(), "talentOptions").toString();
        assertThat(options).contains("【履职小组】赵委员（住地政协委员，县政协委员） · 人才镇", "孙教授（专家学者，县农技站） · 清溪县",
                "李乡贤（乡贤） · 人才镇1村").doesNotContain("周代表");
        assertThat(options.indexOf("赵委员")).isLessThan(options.indexOf("孙教授"));

        String organiser = DemoData.userId(VILLAGE, Role.VILLAGE_COMMITTEE);
        assertThatThrownBy(() -> tasklist.submit(draft, organiser, form(List.of(String.valueOf(elsewhere.id())))))
                .isInstanceOf(FormFieldValidationException.class).hasMessage("所选人员不在本地人才库中");
        tasklist.submit(draft, organiser, form(List.of(String.valueOf(member.id()), String.valueOf(sage.id()),
                String.valueOf(expert.id()))));

        List<Participant> drawn = consultations.participants(s.id());
        assertThat(drawn).extracting(Participant::name, Participant::category, Participant::talentId, Participant::userId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("张村民", ParticipantCategory.CITIZEN, null, null),
                        org.assertj.core.groups.Tuple.tuple("赵委员", ParticipantCategory.MEMBER, member.id(), "qingxi.member"),
                        org.assertj.core.groups.Tuple.tuple("李乡贤", ParticipantCategory.CITIZEN, sage.id(), null),
                        org.assertj.core.groups.Tuple.tuple("孙教授", ParticipantCategory.EXPERT, expert.id(), null));

        // returned by the party: the form shows the picks again, and the hand-written row apart
        tasklist.submit(s.number(), TASK_APPROVE_PARTICIPANTS, DemoData.userId(VILLAGE, Role.PARTY),
                Forms.answer("participantsApproved", false, "请增加群众代表"));
        Task redraft = tasklist.task(s.number(), TASK_DRAFT_PARTICIPANTS);
        assertThat(taskService.getVariableLocal(redraft.getId(), "talentIds").toString())
                .contains("\"" + member.id() + "\"", "\"" + sage.id() + "\"", "\"" + expert.id() + "\"");
        assertThat(taskService.getVariableLocal(redraft.getId(), "participants").toString())
                .contains("张村民").doesNotContain("赵委员");
        assertThatThrownBy(() -> tasklist.submit(redraft, organiser, Map.of(
                "participants", TasklistDriver.json(List.of(Map.of("name", "李乡贤", "category", "CITIZEN"))),
                "talentIds", TasklistDriver.json(List.of(String.valueOf(sage.id()))))))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("参与人员“李乡贤”重复");
    }

    private static Map<String, Object> form(List<String> talentIds) {
        return Map.of("participants", TasklistDriver.json(List.of(Map.of("name", "张村民", "category", "CITIZEN"))),
                "talentIds", TasklistDriver.json(talentIds));
    }

    private String talent(String place, String name, String category) throws Exception {
        return json.writeValueAsString(Map.of("placeCode", place, "name", name, "category", category));
    }

    private String group(String name, long... members) throws Exception {
        return json.writeValueAsString(Map.of("placeCode", KEPT, "name", name,
                "memberIds", java.util.Arrays.stream(members).boxed().toList(),
                "villageCodes", List.of(FixturePlaces.village(KEPT, 1))));
    }

    private long id(String body) throws Exception {
        return json.readTree(body).path("id").asLong();
    }
}
