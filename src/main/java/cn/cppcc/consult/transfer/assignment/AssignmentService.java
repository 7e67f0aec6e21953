package cn.cppcc.consult.transfer.assignment;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.consultation.Consultation;
import cn.cppcc.consult.consultation.ConsultationService;
import cn.cppcc.consult.notification.DeadlineNotices;
import cn.cppcc.consult.notification.DeadlineNotices.Deadline;
import cn.cppcc.consult.notification.MessageTemplate;
import cn.cppcc.consult.notification.NotificationService;
import cn.cppcc.consult.notification.NotificationService.Message;
import cn.cppcc.consult.notification.Placeholder;
import cn.cppcc.consult.organisation.OrganisationService;
import cn.cppcc.consult.organisation.PlaceLevel;
import cn.cppcc.consult.organisation.Role;
import cn.cppcc.consult.organisation.TaskRouting;
import cn.cppcc.consult.process.EngineClock;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.transfer.Mechanism;
import cn.cppcc.consult.transfer.MechanismProgress;
import cn.cppcc.consult.transfer.ResultFollowers;
import cn.cppcc.consult.transfer.ResultItem;
import cn.cppcc.consult.transfer.TransferDeadlines;
import cn.cppcc.consult.transfer.TransferDeadlines.Limit;
import cn.cppcc.consult.transfer.TransferProcess;
import cn.cppcc.consult.transfer.TransferService;
import cn.cppcc.consult.transfer.TransferTexts;
import cn.cppcc.consult.transfer.inquiry.InquiryProcess;

/**
 * 交办: the party committee and government assign a result item to responsible departments with
 * deadlines, or ask for the county path (the county CPPCC proposes, the county party committee
 * instructs the township); each department reports progress until it is done, is reminded before its
 * deadline and escalated after it. Also the bean {@code Assignment.bpmn} asks for its departments,
 * assignees and timer dates.
 */
@Service("assignmentService")
@Transactional
public class AssignmentService implements MechanismProgress {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final AssignmentRepository assignments;
    private final TransferService transfers;
    private final ResultFollowers followers;
    private final ConsultationService consultations;
    private final NotificationService notifications;
    private final DeadlineNotices deadlineNotices;
    private final OrganisationService organisation;
    private final TaskRouting routing;
    private final TransferDeadlines deadlines;
    private final IdentityService identityService;
    private final RuntimeService runtimeService;

    AssignmentService(AssignmentRepository assignments, TransferService transfers, ResultFollowers followers,
            ConsultationService consultations, NotificationService notifications, DeadlineNotices deadlineNotices,
            OrganisationService organisation, TaskRouting routing, TransferDeadlines deadlines,
            IdentityService identityService, RuntimeService runtimeService) {
        this.assignments = assignments;
        this.transfers = transfers;
        this.followers = followers;
        this.consultations = consultations;
        this.notifications = notifications;
        this.deadlineNotices = deadlineNotices;
        this.organisation = organisation;
        this.routing = routing;
        this.deadlines = deadlines;
        this.identityService = identityService;
        this.runtimeService = runtimeService;
    }

    /** One responsible department as the assigning form names it. */
    public record UnitDraft(String department, boolean lead, String userId, LocalDate dueOn) {
    }

    @Override
    public Mechanism mechanism() {
        return Mechanism.ASSIGNMENT;
    }

    @Transactional(readOnly = true)
    public Optional<Assignment> find(long resultItemId) {
        return assignments.findByItem(resultItemId);
    }

    private Assignment open(long resultItemId) {
        return assignments.findByItem(resultItemId).orElseGet(() -> {
            assignments.insert(resultItemId);
            return assignments.findByItem(resultItemId).orElseThrow();
        });
    }

    // ---- the county path (提请县委责成落实)

    /** The township asks for the county path: the item matters county-wide. */
    public void requestCounty(long resultItemId, String reason, String actor) {
        Assignment a = open(resultItemId);
        if (a.countyInstructed()) {
            throw FormValues.invalid("assignmentRoute", "县委已责成落实，请直接交办责任部门");
        }
        assignments.updateCountyRequest(a.id(), reason, actor, EngineClock.now());
        transfers.record(transfers.item(resultItemId), Mechanism.ASSIGNMENT, "报请县委责成落实", actor, reason);
    }

    /** The county CPPCC proposes the item to the county party committee, or returns it to the township. */
    public void proposeToCounty(long resultItemId, boolean propose, String opinion, String actor) {
        Assignment a = assignment(resultItemId);
        assignments.updateCountyProposal(a.id(), propose, opinion, actor, EngineClock.now());
        transfers.record(transfers.item(resultItemId), Mechanism.ASSIGNMENT,
                propose ? "县政协提请县委责成落实" : "县政协退回乡镇交办", actor, opinion);
    }

    /** The county party committee instructs the township to carry the item out, by a deadline. */
    public void instruct(long resultItemId, String instruction, LocalDate deadline, String actor) {
        if (deadline.isBefore(today())) {
            throw FormValues.invalid("countyDeadline", "完成时限不能早于今天");
        }
        Assignment a = assignment(resultItemId);
        assignments.updateCountyInstruction(a.id(), instruction, deadline, actor, EngineClock.now());
        ResultItem item = transfers.item(resultItemId);
        String text = instruction + "（完成时限：" + TransferTexts.date(deadline) + "）";
        transfers.record(item, Mechanism.ASSIGNMENT, "县委责成落实", actor, text);
        followers.changed(item, "县委已责成落实：" + text);
    }

    // ---- assigning departments

    public void assign(long resultItemId, String requirements, List<UnitDraft> units, String actor) {
        Assignment a = open(resultItemId);
        if (!assignments.findUnits(a.id()).isEmpty()) {
            throw new IllegalStateException("成果事项已交办：" + resultItemId);
        }
        validate(a, units);
        assignments.updateAssigned(a.id(), requirements, actor, EngineClock.now());
        for (int i = 0; i < units.size(); i++) {
            UnitDraft u = units.get(i);
            assignments.insertUnit(a.id(), i + 1, u.department(), u.lead(), u.userId(), u.dueOn());
        }
        ResultItem item = transfers.item(resultItemId);
        String list = units.stream()
                .map(u -> u.department() + (u.lead() ? "（主办" : "（协办") + "，期限" + TransferTexts.date(u.dueOn()) + "）")
                .collect(Collectors.joining("；"));
        transfers.record(item, Mechanism.ASSIGNMENT, "交办责任部门", actor,
                list + (requirements == null ? "" : "。交办要求：" + requirements));
        followers.changed(item, "已交办" + list + "办理");
    }

    private void validate(Assignment a, List<UnitDraft> units) {
        if (units.isEmpty()) {
            throw FormValues.invalid("units", "请至少填写一个责任部门");
        }
        if (units.stream().filter(UnitDraft::lead).count() != 1) {
            throw FormValues.invalid("units", "责任部门中须有且只有一个主办单位");
        }
        Set<String> names = new HashSet<>();
        LocalDate today = today();
        for (int i = 0; i < units.size(); i++) {
            UnitDraft u = units.get(i);
            String which = "责任部门第" + (i + 1) + "项";
            if (!names.add(u.department())) {
                throw FormValues.invalid("units", "责任部门“" + u.department() + "”重复");
            }
            if (u.dueOn().isBefore(today)) {
                throw FormValues.invalid("units", which + "的办理期限不能早于今天");
            }
            if (a.countyDeadline() != null && u.dueOn().isAfter(a.countyDeadline())) {
                throw FormValues.invalid("units", which + "的办理期限不能晚于县委要求的完成时限"
                        + TransferTexts.date(a.countyDeadline()));
            }
            if (u.userId() != null && identityService.createUserQuery().userId(u.userId()).count() == 0) {
                throw FormValues.invalid("units", which + "的承办人账号“" + u.userId() + "”不存在");
            }
        }
    }

    /** The departments' handling, one instance each: {@code ${assignmentService.unitIds(resultItemId)}}. */
    @Transactional(readOnly = true)
    public List<Long> unitIds(long resultItemId) {
        return units(resultItemId).stream().map(AssignmentUnit::id).toList();
    }

    @Transactional(readOnly = true)
    public List<AssignmentUnit> units(long resultItemId) {
        return assignments.findByItem(resultItemId).map(a -> assignments.findUnits(a.id())).orElse(List.of());
    }

    @Transactional(readOnly = true)
    public AssignmentUnit unit(long unitId) {
        return assignments.findUnit(unitId).orElseThrow(() -> new NoSuchElementException("责任部门不存在：" + unitId));
    }

    /** The department's own account, or null: then the department's group works on it. */
    @Transactional(readOnly = true)
    public String assigneeOf(long unitId) {
        return unit(unitId).userId();
    }

    // ---- progress

    /** A progress report of one department; answers whether the department is done. */
    public boolean report(long unitId, UnitStatus status, Integer progress, String content, String actor) {
        AssignmentUnit unit = assignments.lockUnit(unitId).orElseThrow(() -> new NoSuchElementException("责任部门不存在：" + unitId));
        if (unit.status() == UnitStatus.DONE) {
            throw new IllegalStateException(unit.department() + "已办结");
        }
        if (status == UnitStatus.ASSIGNED) {
            throw FormValues.invalid("status", "请选择办理状态：办理中或已办结");
        }
        int percent;
        if (status == UnitStatus.DONE) {
            percent = 100;
        } else {
            if (progress == null) {
                throw FormValues.invalid("progress", "请填写完成进度");
            }
            if (progress >= 100) {
                throw FormValues.invalid("progress", "完成进度达到100%的，请选择“已办结”");
            }
            percent = progress;
        }
        if (percent < unit.progress()) {
            throw FormValues.invalid("progress", "完成进度不能低于上次报告的" + unit.progress() + "%");
        }
        OffsetDateTime now = EngineClock.now();
        long reportId = assignments.insertReport(unitId, status, percent, content, actor, now);
        int files = assignments.attachPending(unitId, reportId);
        assignments.updateUnitProgress(unitId, status, percent, now);
        ResultItem item = itemOf(unit);
        String line = unit.department() + "：" + status.label() + "，完成" + percent + "%。" + content
                + (files > 0 ? "（附件" + files + "个）" : "");
        transfers.record(item, Mechanism.ASSIGNMENT, status == UnitStatus.DONE ? "部门办结" : "报告办理进度", actor, line);
        followers.changed(item, line);
        return status == UnitStatus.DONE;
    }

    @Transactional(readOnly = true)
    public List<ProgressReport> reports(long unitId) {
        return assignments.findReports(unitId);
    }

    // ---- deadlines

    /** When the department is reminded: the reminder period before the end of its deadline. */
    @Transactional(readOnly = true)
    public Date reminderAt(long unitId) {
        AssignmentUnit unit = unit(unitId);
        return Date.from(TransferTexts.endOf(unit.dueOn())
                .minus(deadlines.of(Limit.ASSIGNMENT_REMINDER, placeCodeOf(unit))).toInstant());
    }

    /** From the end of the deadline on, escalated again at every interval until done: {@code R/<deadline>/<interval>}. */
    @Transactional(readOnly = true)
    public String overdueCycle(long unitId) {
        AssignmentUnit unit = unit(unitId);
        return "R/" + ISO.format(TransferTexts.endOf(unit.dueOn())) + "/"
                + deadlines.of(Limit.ASSIGNMENT_ESCALATION, placeCodeOf(unit));
    }

    /** 到期提醒: the department is told that its deadline is near. */
    public void remind(long unitId) {
        AssignmentUnit unit = unit(unitId);
        if (unit.status() == UnitStatus.DONE) {
            return;
        }
        Consultation c = consultationOf(unit);
        ResultItem item = itemOf(unit);
        deadlineNotices.remindBeforeDue(deadline(unit, item, c), departmentUsers(unit), departmentGroups(unit, c));
        assignments.updateReminded(unitId, EngineClock.now());
        transfers.record(item, Mechanism.ASSIGNMENT, "到期提醒", null,
                unit.department() + "，期限" + TransferTexts.date(unit.dueOn()) + "，完成" + unit.progress() + "%");
    }

    /**
     * 逾期督办: the department is reminded that it is overdue; its assigning party committee and government,
     * the county supervisors and, for an item the county instructed, the county party committee are told who
     * holds it (督办).
     */
    public void escalateOverdue(long unitId) {
        AssignmentUnit unit = unit(unitId);
        if (unit.status() == UnitStatus.DONE) {
            return;
        }
        int times = assignments.incrementOverdueNotices(unitId);
        Consultation c = consultationOf(unit);
        ResultItem item = itemOf(unit);
        Assignment a = assignment(item.id());
        long days = Math.max(0, ChronoUnit.DAYS.between(unit.dueOn(), today()));
        Deadline deadline = deadline(unit, item, c);
        deadlineNotices.remindOverdue(deadline, departmentUsers(unit), departmentGroups(unit, c));
        List<String> overseers = new ArrayList<>(List.of(
                routing.groupFor(AssignmentProcess.TASK_ASSIGN_DEPARTMENTS, c.placeCode()),
                Role.SUPERVISOR.groupId(county(c))));
        if (a.countyInstructed()) {
            overseers.add(Role.PARTY.groupId(county(c)));
        }
        deadlineNotices.escalate(deadline, unit.title() + "，已完成" + unit.progress() + "%", List.of(), overseers);
        transfers.record(item, Mechanism.ASSIGNMENT, "逾期督办（第" + times + "次）", null,
                unit.department() + "已逾期" + days + "天，完成" + unit.progress() + "%");
    }

    /** The department's item, due by the end of its day: 修缮村道（县交通局主办）. */
    private Deadline deadline(AssignmentUnit unit, ResultItem item, Consultation c) {
        String what = TransferTexts.shorten(item.content(), 40) + "（" + unit.department() + (unit.isLead() ? "主办" : "协办")
                + "）";
        return Deadline.endOfDay(what, topicTitle(c), c.number(), unit.dueOn(), c.id(), null);
    }

    /** The person the department's work was given to, if any; else its group ({@link #departmentGroups}). */
    private static List<String> departmentUsers(AssignmentUnit unit) {
        return unit.userId() != null ? List.of(unit.userId()) : List.of();
    }

    private List<String> departmentGroups(AssignmentUnit unit, Consultation c) {
        return unit.userId() != null ? List.of() : List.of(routing.groupFor(AssignmentProcess.TASK_HANDLE, c.placeCode()));
    }

    // ---- the end

    /**
     * Every department is done: the transfer closes with how each finished, the county party committee
     * hears back if it instructed, and a waiting effectiveness inquiry of the item may begin.
     */
    public void finish(long resultItemId) {
        Assignment a = assignment(resultItemId);
        ResultItem item = transfers.item(resultItemId);
        String summary = assignments.findUnits(a.id()).stream()
                .map(u -> u.title() + (u.finishedLate() ? "逾期办结" : "按期办结"))
                .collect(Collectors.joining("；")) + (a.countyInstructed() ? "（县委责成落实）" : "");
        assignments.updateFinished(a.id(), EngineClock.now());
        transfers.finish(resultItemId, Mechanism.ASSIGNMENT, summary, null);
        Consultation c = consultations.get(item.consultationId());
        if (a.countyInstructed()) {
            notifications.toGroups(List.of(Role.PARTY.groupId(county(c))),
                    Message.of(MessageTemplate.INSTRUCTED_ITEM_FINISHED, c.id())
                            .with(Placeholder.TOPIC, topicTitle(c))
                            .with(Placeholder.NUMBER, c.number())
                            .with(Placeholder.ITEM, TransferTexts.shorten(item.content(), 200))
                            .with(Placeholder.RESULT, summary));
        }
        followers.changed(item, "交办事项已办结：" + summary);
        runtimeService.createMessageCorrelation(InquiryProcess.MESSAGE_ASSIGNMENT_FINISHED)
                .processInstanceBusinessKey(c.number())
                .processInstanceVariableEquals(TransferProcess.RESULT_ITEM_ID.name(), resultItemId)
                .correlateAllWithResult();
    }

    // ---- where the item stands

    @Override
    @Transactional(readOnly = true)
    public String stateOf(ResultItem item) {
        Optional<Assignment> found = assignments.findByItem(item.id());
        if (found.isEmpty()) {
            return "待交办";
        }
        Assignment a = found.get();
        List<AssignmentUnit> units = assignments.findUnits(a.id());
        if (units.isEmpty()) {
            if (a.countyInstructed()) {
                return "县委已责成落实（完成时限" + TransferTexts.date(a.countyDeadline()) + "），待交办责任部门";
            }
            if (a.route() == AssignmentRoute.COUNTY) {
                return Boolean.TRUE.equals(a.countyProposed()) ? "县政协已提请县委责成落实" : "已报请县政协提请县委责成落实";
            }
            return "待交办";
        }
        return units.stream().map(u -> u.title() + (u.status() == UnitStatus.DONE
                        ? (u.finishedLate() ? "逾期办结" : "按期办结")
                        : "完成" + u.progress() + "%，期限" + TransferTexts.date(u.dueOn())))
                .collect(Collectors.joining("；")) + (a.countyInstructed() ? "（县委责成落实）" : "");
    }

    @Override
    @Transactional(readOnly = true)
    public boolean overdue(ResultItem item) {
        OffsetDateTime now = EngineClock.now();
        return units(item.id()).stream().anyMatch(u -> u.overdueAt(now));
    }

    // ---- helpers

    @Transactional(readOnly = true)
    public Assignment assignment(long resultItemId) {
        return assignments.findByItem(resultItemId)
                .orElseThrow(() -> new NoSuchElementException("成果事项尚未交办：" + resultItemId));
    }

    @Transactional(readOnly = true)
    public ResultItem itemOf(AssignmentUnit unit) {
        return transfers.item(assignments.find(unit.assignmentId()).orElseThrow().resultItemId());
    }

    private Consultation consultationOf(AssignmentUnit unit) {
        return consultations.get(itemOf(unit).consultationId());
    }

    private String placeCodeOf(AssignmentUnit unit) {
        return consultationOf(unit).placeCode();
    }

    private String topicTitle(Consultation c) {
        return consultations.topicOf(c).title();
    }

    private String county(Consultation c) {
        return organisation.ancestorAtLevel(c.placeCode(), PlaceLevel.COUNTY).code();
    }

    private static LocalDate today() {
        return EngineClock.now().atZoneSameInstant(FormValues.ZONE).toLocalDate();
    }
}
