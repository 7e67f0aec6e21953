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
import org.springframework.core.annotation.Order;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.cppcc.consult.consultation.ConsultationProcess;
import cn.cppcc.consult.consultation.ConsultationService;
import cn.cppcc.consult.intake.IntakeService;
import cn.cppcc.consult.intake.OnlineSubmission;
import cn.cppcc.consult.intake.TopicIntakeProcess;
import cn.cppcc.consult.plan.AnnualPlanProcess;
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
            Role.SUPERVISOR, Role.PARTY_OFFICE, Role.GOVERNMENT_OFFICE);
    static final List<Role> TOWNSHIP_ROLES = List.of(Role.PARTY, Role.LIAISON, Role.GOVERNMENT, Role.HOST,
            Role.MEMBER, Role.DEPARTMENT, Role.PARTY_OFFICE);
    static final List<Role> VILLAGE_ROLES = List.of(Role.PARTY, Role.VILLAGE_COMMITTEE, Role.HOST);

    private final OrganisationService organisation;
    private final IdentityService identityService;
    private final TasklistDriver tasklist;
    private final ConsultationService consultations;
    private final IntakeService intake;
    private final OnlineConsultations online;
    private final TransactionTemplate transaction;
    private final String password;
    private final boolean sampleConsultations;

    DemoData(OrganisationService organisation, IdentityService identityService, TasklistDriver tasklist,
            ConsultationService consultations, IntakeService intake, OnlineConsultations online,
            TransactionTemplate transaction,
            @Value("${consult.demo.password}") String password,
            @Value("${consult.demo.sample-consultations:true}") boolean sampleConsultations) {
        this.organisation = organisation;
        this.identityService = identityService;
        this.tasklist = tasklist;
        this.consultations = consultations;
        this.intake = intake;
        this.online = online;
        this.transaction = transaction;
        this.password = password;
        this.sampleConsultations = sampleConsultations;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0) // before whatever else runs at start-up on the demo organisation (e.g. Tasklist filters)
    public void seed() {
        if (identityService.createGroupQuery().groupId(Role.PARTY.groupId(COUNTY)).count() > 0) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            seedOrganisation();
            if (sampleConsultations) {
                seedConsultations();
                seedTopics();
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
        heldMeeting(d, VILLAGE_A, "水口村村委会主任", "水口村村级议事厅");

        // 5. 桃源镇: minutes filed, the results carried by the four mechanisms at once
        String e = start(TOWNSHIP_B, "新华村农田灌溉渠修复",
                "新华村主灌溉渠年久失修、渗漏严重，影响200余亩农田灌溉，需协商修复方案和日常管护办法。");
        heldMeeting(e, TOWNSHIP_B, "桃源镇镇长", "桃源镇同心圆工作室");
        transferring(e);

        // 6. 李家湾村: an online consultation open to the public, its background material published
        String f = start("lijiawan", "李家湾村村口停车场规划",
                "村口空地拟规划为停车场，涉及车位数量、收费与否和周边农户出行，面向全体村民网络征求意见。");
        approveTopic(f, "lijiawan");
        tasklist.submit(f, ConsultationProcess.TASK_DRAFT_PLAN, organiser("lijiawan"),
                Map.of("consultationForm", "ONLINE", "host", "李家湾村村委会主任",
                        "closingAt", LocalDate.now().plusDays(14) + "T18:00:00+08:00", "sensitive", false));
        participants(f, "lijiawan");
        tasklist.submit(f, ConsultationProcess.TASK_APPROVE_PARTICIPANTS, userId("lijiawan", Role.PARTY),
                Map.of("participantsApproved", "true"));
        research(f, "lijiawan");
        tasklist.submit(f, ConsultationProcess.TASK_REVIEW_RESEARCH, userId("lijiawan", Role.HOST),
                Map.of("researchAccepted", "true", "comment", "同意开展网络协商"));
        online.publishMaterial(consultations.getByNumber(f).id(), """
                村口空地约1200平方米，现为村集体用地，节假日返乡车辆多时占道停放。
                初步方案：划设停车位40个，其中5个为充电车位；村民免费，外来车辆收费用于保洁和维护。
                请大家就车位数量、是否收费、进出口位置和管理办法发表意见。""", userId("lijiawan", Role.HOST));
    }

    /** From the topic's approval to a meeting held, every step approved. */
    private void heldMeeting(String number, String place, String host, String venue) {
        approveTopic(number, place);
        plan(number, place, "MEETING", host, venue);
        participants(number, place);
        tasklist.submit(number, ConsultationProcess.TASK_APPROVE_PARTICIPANTS, userId(place, Role.PARTY),
                Map.of("participantsApproved", "true"));
        research(number, place);
        tasklist.submit(number, ConsultationProcess.TASK_REVIEW_RESEARCH, userId(place, Role.HOST),
                Map.of("researchAccepted", "true", "comment", "调研充分，同意召开协商会"));
        meeting(number, place);
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

    private void meeting(String number, String place) {
        List<String> ids = consultations.participantIds(consultations.getByNumber(number).id()).stream()
                .map(String::valueOf).toList();
        tasklist.submit(number, ConsultationProcess.TASK_HOLD_MEETING, organiser(place), Map.of(
                "attendance", json(ids),
                "opinions", json(List.of(Map.of("participantId", ids.get(1), "content", "建议在村东头增设一个收集点"))),
                "responses", json(List.of(Map.of("department", "镇环卫所", "content", "同意增设，并安排每日清运"))),
                "outcome", "CONSENSUS",
                "summary", "与会各方一致同意在村东头增设收集点，由村保洁员负责日常保洁。"));
    }

    // ---- topics from every source at different intake steps, and next year's county plan awaiting approval

    private void seedTopics() {
        // 网络征题: a citizen of 水口村, waiting for the township liaison's screening
        IntakeService.Receipt receipt = intake.submitOnline(new OnlineSubmission("陈大伯", "13800000001", TOWNSHIP_A,
                VILLAGE_A, "水口村自来水管网老化经常停水", "村里自来水管网铺设已二十多年，今年以来多次爆管停水，影响全村300多户用水。", 320));
        LOG.info("演示网络征题：回执号 {}，手机号 13800000001（/public/status.html 可查询）", receipt.receiptNumber());

        // 委员荐题: waiting for the county office's screening
        intakeTopic(userId(COUNTY, Role.MEMBER), "MEMBER", "COUNTY", "政协委员王建国", "县城公共充电设施布局不足",
                "新能源汽车保有量快速增长，县城公共充电桩数量少、分布不均，老旧小区基本没有充电条件。");

        // 党政点题: screened, waiting for the county office's decision
        String assigned = intakeTopic(userId(COUNTY, Role.PARTY_OFFICE), "PARTY_GOVERNMENT", "COUNTY", "县委办公室",
                "老旧小区物业管理服务提升", "全县老旧小区多为无物业或弱物业管理，环境卫生、设施维护问题突出。");
        screen(assigned, userId(COUNTY, Role.OFFICE), COUNTY, "COUNTY", Map.of());

        // 政协参加单位: accepted, a candidate for the county's plan
        String unit = intakeTopic(userId(COUNTY, Role.OFFICE), "PARTICIPATING_UNIT", "COUNTY", "县工商联",
                "民营企业技能人才招用难", "县内民营制造企业普遍反映技能工人招不来、留不住，需政企校协同解决。");
        screen(unit, userId(COUNTY, Role.OFFICE), COUNTY, "COUNTY", Map.of());
        tasklist.submit(unit, TopicIntakeProcess.TASK_DECIDE, userId(COUNTY, Role.OFFICE),
                Map.of("intakeDecision", "ACCEPT", "consultationKind", "CPPCC"));

        // 网络征题 not accepted: a private dispute; its status lookup shows the reason
        IntakeService.Receipt rejected = intake.submitOnline(new OnlineSubmission("刘女士", "13800000002", TOWNSHIP_B,
                "taolin", "楼上邻居装修噪音扰民", "楼上住户装修已持续两个月，周末也施工，多次协商无果。", 1));
        String number = rejected.topicNumber();
        screen(number, userId(TOWNSHIP_B, Role.LIAISON), "taolin", "VILLAGE", Map.of("individualOnly", true));
        tasklist.submit(number, TopicIntakeProcess.TASK_DECIDE, userId(TOWNSHIP_B, Role.LIAISON),
                Map.of("intakeDecision", "REJECT"));
        LOG.info("演示不予受理的网络征题：回执号 {}，手机号 13800000002", rejected.receiptNumber());

        // next year's county plan: the candidate selected, waiting for the county party committee
        int year = LocalDate.now().getYear() + 1;
        String plan = tasklist.start(userId(COUNTY, Role.OFFICE), AnnualPlanProcess.KEY, Map.of("planYear", year))
                .getBusinessKey();
        long unitId = intake.topicByNumber(unit).id();
        tasklist.submit(plan, AnnualPlanProcess.TASK_SELECT_KEY_TOPICS, userId(COUNTY, Role.OFFICE), Map.of("items",
                json(List.of(Map.of("topicId", String.valueOf(unitId), "plannedOn", LocalDate.of(year, 3, 15).toString())))));
    }

    private String intakeTopic(String user, String source, String level, String proposer, String title,
            String description) {
        return tasklist.start(user, TopicIntakeProcess.KEY, Map.of("source", source, "sourceLevel", level,
                "proposer", proposer, "title", title, "description", description)).getBusinessKey();
    }

    private void screen(String number, String user, String occurrence, String resolution, Map<String, Object> findings) {
        Map<String, Object> form = new java.util.HashMap<>(findings);
        form.put("occurrencePlace", occurrence);
        form.put("resolutionLevel", resolution);
        tasklist.submit(number, TopicIntakeProcess.TASK_SCREEN, user, form);
    }

    /** Minutes with two result items, filed; the assignment made and reported on, the rest waiting for people. */
    private void transferring(String number) {
        String due = LocalDate.now().plusDays(45).toString();
        tasklist.submit(number, ConsultationProcess.TASK_DRAFT_MINUTES, organiser(TOWNSHIP_B), Map.of(
                "minutes", "与会各方同意分两期修复主灌溉渠，一期修复渗漏最严重的1.2公里，由镇农业服务中心牵头实施；"
                        + "小型水利设施管护资金不足问题，建议向县级反映。",
                "resultItems", json(List.of(
                        Map.of("content", "一期修复主灌溉渠渗漏段1.2公里，并建立村级管护制度",
                                "mechanisms", List.of("ASSIGNMENT", "INQUIRY", "FEEDBACK"),
                                "department", "桃源镇农业服务中心", "dueOn", due),
                        Map.of("content", "建议县级统筹安排小型水利设施日常管护资金",
                                "mechanisms", List.of("ESCALATION", "FEEDBACK"))))));
        tasklist.submit(number, ConsultationProcess.TASK_REVIEW_MINUTES, userId(TOWNSHIP_B, Role.HOST),
                Map.of("minutesApproved", "true"));
        tasklist.submit(number, ConsultationProcess.TASK_FILE_MINUTES, userId(COUNTY, Role.LIAISON_COMMITTEE),
                Map.of("filingNumber", "桃协备〔2026〕3号"));
        tasklist.submit(number, "Task_AssignDepartments", userId(TOWNSHIP_B, Role.GOVERNMENT), Map.of(
                "assignmentRoute", "DIRECT",
                "requirements", "汛期前完成一期修复，每两周报告一次进度",
                "units", json(List.of(
                        Map.of("department", "桃源镇农业服务中心", "lead", true, "dueOn", due),
                        Map.of("department", "新华村村委会", "lead", false, "dueOn", due)))));
        tasklist.submit(number, "Task_HandleAssignment", userId(TOWNSHIP_B, Role.DEPARTMENT), Map.of(
                "status", "IN_PROGRESS", "progress", 40, "content", "施工方案已确定，已完成400米渠段防渗处理"));
    }
}
