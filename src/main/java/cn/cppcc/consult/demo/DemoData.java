package cn.cppcc.consult.demo;

import static cn.cppcc.consult.demo.TasklistDriver.json;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.cppcc.consult.consultation.ConsultationProcess;
import cn.cppcc.consult.consultation.ConsultationService;
import cn.cppcc.consult.organisation.OrganisationService;
import cn.cppcc.consult.organisation.PlaceLevel;
import cn.cppcc.consult.organisation.Role;
import cn.cppcc.consult.participation.OnlineConsultations;

/**
 * Demo data, on first start of the demo profile only: a county with two townships and their
 * villages, one user per role per place (user id {@code <place>.<role>}, e.g. {@code yunling.liaison}),
 * and a few consultations at different stages, worked through Tasklist's own path so that a
 * newcomer sees real work at once.
 */
@Component
@Profile("demo")
public class DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    public static final String COUNTY = "qingxi";
    public static final String TOWNSHIP_A = "yunling";
    public static final String TOWNSHIP_B = "taoyuan";
    public static final String VILLAGE_A = "shuikou";

    static final List<Role> COUNTY_ROLES = List.of(Role.PARTY, Role.OFFICE, Role.LIAISON_COMMITTEE,
            Role.SPECIAL_COMMITTEE, Role.CHAIRS, Role.GOVERNMENT, Role.HOST, Role.MEMBER, Role.DEPARTMENT,
            Role.SUPERVISOR);
    static final List<Role> TOWNSHIP_ROLES = List.of(Role.PARTY, Role.LIAISON, Role.GOVERNMENT, Role.HOST,
            Role.MEMBER, Role.DEPARTMENT);
    static final List<Role> VILLAGE_ROLES = List.of(Role.PARTY, Role.VILLAGE_COMMITTEE, Role.HOST);

    private final OrganisationService organisation;
    private final IdentityService identityService;
    private final TasklistDriver tasklist;
    private final ConsultationService consultations;
    private final OnlineConsultations online;
    private final TransactionTemplate transaction;
    private final String password;
    private final boolean sampleConsultations;

    DemoData(OrganisationService organisation, IdentityService identityService, TasklistDriver tasklist,
            ConsultationService consultations, OnlineConsultations online, TransactionTemplate transaction,
            @Value("${consult.demo.password}") String password,
            @Value("${consult.demo.sample-consultations:true}") boolean sampleConsultations) {
        this.organisation = organisation;
        this.identityService = identityService;
        this.tasklist = tasklist;
        this.consultations = consultations;
        this.online = online;
        this.transaction = transaction;
        this.password = password;
        this.sampleConsultations = sampleConsultations;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void seed() {
        if (identityService.createGroupQuery().groupId(Role.PARTY.groupId(COUNTY)).count() > 0) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            seedOrganisation();
            if (sampleConsultations) {
                seedConsultations();
            }
        });
        LOG.info("演示数据已创建：演示账号见 README.md");
    }

    private void seedOrganisation() {
        organisation.addPlace(COUNTY, "清溪县", PlaceLevel.COUNTY, null);
        addPeople(COUNTY, COUNTY_ROLES);
        place(TOWNSHIP_A, "云岭镇", PlaceLevel.TOWNSHIP, COUNTY, TOWNSHIP_ROLES);
        place(VILLAGE_A, "水口村", PlaceLevel.VILLAGE, TOWNSHIP_A, VILLAGE_ROLES);
        place("lijiawan", "李家湾村", PlaceLevel.VILLAGE, TOWNSHIP_A, VILLAGE_ROLES);
        place(TOWNSHIP_B, "桃源镇", PlaceLevel.TOWNSHIP, COUNTY, TOWNSHIP_ROLES);
        place("taolin", "桃林社区", PlaceLevel.VILLAGE, TOWNSHIP_B, VILLAGE_ROLES);
        place("xinhua", "新华村", PlaceLevel.VILLAGE, TOWNSHIP_B, VILLAGE_ROLES);
    }

    private void place(String code, String name, PlaceLevel level, String parent, List<Role> roles) {
        organisation.addPlace(code, name, level, parent);
        addPeople(code, roles);
    }

    private void addPeople(String placeCode, List<Role> roles) {
        for (Role role : roles) {
            String groupId = organisation.addRole(placeCode, role);
            String groupName = identityService.createGroupQuery().groupId(groupId).singleResult().getName();
            organisation.addUser(userId(placeCode, role), groupName, "（演示）", password, groupId);
        }
    }

    public static String userId(String placeCode, Role role) {
        return placeCode + "." + role.slug();
    }

    // ---- sample consultations, each left at a different stage

    private void seedConsultations() {
        // 1. 云岭镇: waiting for the township party committee to approve the topic
        start(TOWNSHIP_A, "水口村至镇区道路破损修缮",
                "水口村至镇区的3公里村道多处破损，雨天积水，村民出行和农产品外运困难，希望协商修缮方案和资金筹措办法。");

        // 2. 桃源镇: plan and participants drafted, waiting for the party committee to approve the list
        String b = start(TOWNSHIP_B, "桃林社区老旧小区加装电梯",
                "桃林社区6栋老旧住宅无电梯，老年住户多，加装意愿强但费用分摊和低层住户意见分歧较大。");
        approveTopic(b, TOWNSHIP_B);
        plan(b, TOWNSHIP_B, "MEETING", "桃源镇镇长", "桃林社区同心圆工作室");
        participants(b, TOWNSHIP_B);

        // 3. 清溪县: research report submitted, waiting for the host's review
        String c = start(COUNTY, "县城老城区停车难问题",
                "老城区停车位缺口约1200个，占道停车影响通行和消防安全，需县级层面统筹规划和部门协同。");
        approveTopic(c, COUNTY);
        plan(c, COUNTY, "MEETING", "县政协副主席", "县政协“有事好商量”协商议事室");
        participants(c, COUNTY);
        tasklist.submit(c, ConsultationProcess.TASK_APPROVE_PARTICIPANTS, userId(COUNTY, Role.PARTY),
                Map.of("participantsApproved", "true", "comment", "同意"));
        research(c, COUNTY);

        // 4. 水口村: meeting held, minutes to be written
        String d = start(VILLAGE_A, "村内垃圾分类收集点设置",
                "水口村现有垃圾收集点分布不均，部分农户距离远，需协商新增收集点位置和保洁责任分工。");
        approveTopic(d, VILLAGE_A);
        plan(d, VILLAGE_A, "MEETING", "水口村村委会主任", "水口村村级议事厅");
        participants(d, VILLAGE_A);
        tasklist.submit(d, ConsultationProcess.TASK_APPROVE_PARTICIPANTS, userId(VILLAGE_A, Role.PARTY),
                Map.of("participantsApproved", "true"));
        research(d, VILLAGE_A);
        tasklist.submit(d, ConsultationProcess.TASK_REVIEW_RESEARCH, userId(VILLAGE_A, Role.HOST),
                Map.of("researchAccepted", "true", "comment", "调研充分，同意召开协商会"));
        meeting(d);

        // 5. 李家湾村: an online consultation open to the public, its background material published
        String e = start("lijiawan", "李家湾村村口停车场规划",
                "村口空地拟规划为停车场，涉及车位数量、收费与否和周边农户出行，面向全体村民网络征求意见。");
        approveTopic(e, "lijiawan");
        tasklist.submit(e, ConsultationProcess.TASK_DRAFT_PLAN, organiser("lijiawan"),
                Map.of("consultationForm", "ONLINE", "host", "李家湾村村委会主任",
                        "closingAt", LocalDate.now().plusDays(14) + "T18:00:00+08:00", "sensitive", false));
        participants(e, "lijiawan");
        tasklist.submit(e, ConsultationProcess.TASK_APPROVE_PARTICIPANTS, userId("lijiawan", Role.PARTY),
                Map.of("participantsApproved", "true"));
        research(e, "lijiawan");
        tasklist.submit(e, ConsultationProcess.TASK_REVIEW_RESEARCH, userId("lijiawan", Role.HOST),
                Map.of("researchAccepted", "true", "comment", "同意开展网络协商"));
        online.publishMaterial(consultations.getByNumber(e).id(), """
                村口空地约1200平方米，现为村集体用地，节假日返乡车辆多时占道停放。
                初步方案：划设停车位40个，其中5个为充电车位；村民免费，外来车辆收费用于保洁和维护。
                请大家就车位数量、是否收费、进出口位置和管理办法发表意见。""", userId("lijiawan", Role.HOST));
    }

    private String organiser(String place) {
        return userId(place, switch (place) {
            case COUNTY -> Role.OFFICE;
            case TOWNSHIP_A, TOWNSHIP_B -> Role.LIAISON;
            default -> Role.VILLAGE_COMMITTEE;
        });
    }

    private String start(String place, String title, String description) {
        return tasklist.start(organiser(place), ConsultationProcess.KEY,
                Map.of("title", title, "description", description, "source", "OFFLINE")).getBusinessKey();
    }

    private void approveTopic(String number, String place) {
        tasklist.submit(number, ConsultationProcess.TASK_APPROVE_TOPIC, userId(place, Role.PARTY),
                Map.of("topicDecision", "APPROVE"));
    }

    private void plan(String number, String place, String form, String host, String venue) {
        tasklist.submit(number, ConsultationProcess.TASK_DRAFT_PLAN, organiser(place),
                Map.of("consultationForm", form, "host", host, "venue", venue,
                        "scheduledAt", LocalDate.now().plusDays(14) + "T09:30:00+08:00", "sensitive", false));
    }

    private void participants(String number, String place) {
        tasklist.submit(number, ConsultationProcess.TASK_DRAFT_PARTICIPANTS, organiser(place),
                Map.of("participants", json(List.of(
                        Map.of("name", "王建国", "category", "MEMBER", "organisation", "县政协委员",
                                "userId", userId(COUNTY, Role.MEMBER)),
                        Map.of("name", "李秀英", "category", "CITIZEN", "organisation", "村民代表"),
                        Map.of("name", "张志强", "category", "STAKEHOLDER", "organisation", "受影响住户代表"),
                        Map.of("name", "刘洋", "category", "DEPARTMENT", "organisation", "县住建局")))));
    }

    private void research(String number, String place) {
        tasklist.submit(number, ConsultationProcess.TASK_CONDUCT_RESEARCH, organiser(place), Map.of(
                "activities", json(List.of(
                        Map.of("kind", "FORUM", "heldOn", LocalDate.now().minusDays(3).toString(),
                                "summary", "召开群众座谈会，听取12名住户意见"),
                        Map.of("kind", "VISIT", "heldOn", LocalDate.now().minusDays(1).toString(),
                                "summary", "实地走访现场，与相关部门核实情况"))),
                "report", "经座谈走访，群众反映集中、诉求明确，具备协商条件。建议围绕实施方案、费用分担和后续管护开展协商。"));
    }

    private void meeting(String number) {
        List<String> ids = consultations.participantIds(consultations.getByNumber(number).id()).stream()
                .map(String::valueOf).toList();
        tasklist.submit(number, ConsultationProcess.TASK_HOLD_MEETING, organiser(VILLAGE_A), Map.of(
                "attendance", json(ids),
                "opinions", json(List.of(Map.of("participantId", ids.get(1), "content", "建议在村东头增设一个收集点"))),
                "responses", json(List.of(Map.of("department", "镇环卫所", "content", "同意增设，并安排每日清运"))),
                "outcome", "CONSENSUS",
                "summary", "与会各方一致同意在村东头增设收集点，由村保洁员负责日常保洁。"));
    }
}
