package cn.cppcc.consult.results;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.consultation.Consultation;
import cn.cppcc.consult.consultation.ConsultationService;
import cn.cppcc.consult.consultation.Stage;
import cn.cppcc.consult.consultation.TimelineEvent;
import cn.cppcc.consult.organisation.OrganisationService;
import cn.cppcc.consult.organisation.TaskRouting;
import cn.cppcc.consult.process.EngineClock;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.security.StaffContext;
import cn.cppcc.consult.transfer.ActorNames;
import cn.cppcc.consult.transfer.Mechanism;
import cn.cppcc.consult.transfer.ResultItem;
import cn.cppcc.consult.transfer.ResultTimeline;
import cn.cppcc.consult.transfer.TransferOverview;
import cn.cppcc.consult.transfer.TransferOverview.State;
import cn.cppcc.consult.transfer.TransferService;
import cn.cppcc.consult.transfer.TransferTexts;
import cn.cppcc.consult.transfer.assignment.AssignmentProcess;
import cn.cppcc.consult.transfer.assignment.AssignmentService;
import cn.cppcc.consult.transfer.assignment.AssignmentUnit;
import cn.cppcc.consult.transfer.assignment.ProgressAttachment;
import cn.cppcc.consult.transfer.assignment.ProgressAttachments;
import cn.cppcc.consult.transfer.assignment.UnitStatus;
import cn.cppcc.consult.transfer.escalation.EscalationService;
import cn.cppcc.consult.transfer.feedback.FeedbackService;
import cn.cppcc.consult.transfer.feedback.SatisfactionStats;
import cn.cppcc.consult.transfer.inquiry.InquiryService;

/**
 * What the results pages show. Staff (协商成果转化跟踪): the consultations carrying results at the
 * places they see, each item's mechanisms, departments' reports and files, and the result timeline.
 * The public (成果集中统一展示窗口): closed consultations with their topics, outcomes, transfer status and
 * satisfaction, and nothing about any person.
 *
 * <p>Not a read-only transaction: who may attach files is what {@code TaskRouting.dmn} says, and the
 * engine records every evaluation of a decision in its history (PostgreSQL refuses that in a read-only
 * transaction).
 */
@Service
@Transactional
public class ResultsQuery {

    static final int STAFF_LIST_LIMIT = 200;
    static final int PUBLIC_PAGE_SIZE = 10;

    private final ResultsRepository results;
    private final ConsultationService consultations;
    private final OrganisationService organisation;
    private final TransferService transfers;
    private final TransferOverview overview;
    private final ResultTimeline timeline;
    private final ActorNames actors;
    private final AssignmentService assignments;
    private final ProgressAttachments attachments;
    private final EscalationService escalations;
    private final InquiryService inquiries;
    private final FeedbackService feedback;
    private final TaskRouting routing;
    private final Visibility visibility;

    ResultsQuery(ResultsRepository results, ConsultationService consultations, OrganisationService organisation,
            TransferService transfers, TransferOverview overview, ResultTimeline timeline, ActorNames actors,
            AssignmentService assignments, ProgressAttachments attachments, EscalationService escalations,
            InquiryService inquiries, FeedbackService feedback, TaskRouting routing, Visibility visibility) {
        this.results = results;
        this.consultations = consultations;
        this.organisation = organisation;
        this.transfers = transfers;
        this.overview = overview;
        this.timeline = timeline;
        this.actors = actors;
        this.assignments = assignments;
        this.attachments = attachments;
        this.escalations = escalations;
        this.inquiries = inquiries;
        this.feedback = feedback;
        this.routing = routing;
        this.visibility = visibility;
    }

    // ---- shared

    public record StateView(String mechanism, String label, String status, String statusLabel, String detail,
            boolean overdue) {

        static StateView of(State s) {
            return new StateView(s.mechanism().name(), s.mechanism().label(),
                    s.status() == null ? null : s.status().name(), s.status() == null ? "未开始" : s.status().label(),
                    s.detail(), s.overdue());
        }
    }

    public record SatisfactionView(int invited, int rated, int satisfied, int basic, int unsatisfied, Double rate,
            String text) {

        static SatisfactionView of(SatisfactionStats s) {
            return new SatisfactionView(s.invited(), s.rated(), s.satisfied(), s.basic(), s.unsatisfied(),
                    s.satisfactionRate(), s.text());
        }
    }

    private List<StateView> states(ResultItem item) {
        return overview.states(item).stream().map(StateView::of).toList();
    }

    private String placeName(Consultation c) {
        return organisation.place(c.placeCode()).name();
    }

    // ---- staff: 协商成果转化跟踪

    public record ItemRow(long id, int seq, String content, List<StateView> states) {
    }

    public record Row(long id, String number, String placeName, String topicTitle, String stage, String stageLabel,
            String closedAt, boolean overdue, SatisfactionView satisfaction, List<ItemRow> items) {
    }

    /** {@code stage}: TRANSFER, CLOSED or null for both; {@code overdueOnly}: items past a deadline. */
    public List<Row> staffList(Set<String> visible, Stage stage, boolean overdueOnly) {
        Set<Stage> stages = stage == null ? EnumSet.of(Stage.TRANSFER, Stage.CLOSED) : EnumSet.of(stage);
        return results.withResults(stages, visible, STAFF_LIST_LIMIT).stream()
                .map(this::row)
                .filter(r -> !overdueOnly || r.overdue())
                .toList();
    }

    private Row row(Consultation c) {
        List<ResultItem> items = transfers.items(c.id());
        List<ItemRow> rows = items.stream().map(i -> new ItemRow(i.id(), i.seq(), i.content(), states(i))).toList();
        boolean overdue = rows.stream().flatMap(r -> r.states().stream()).anyMatch(StateView::overdue);
        return new Row(c.id(), c.number(), placeName(c), consultations.topicOf(c).title(), c.stage().name(),
                c.stage().label(), TransferTexts.time(c.closedAt()), overdue,
                SatisfactionView.of(feedback.stats(items.stream().map(ResultItem::id).toList())), rows);
    }

    public record FileView(long id, String name, String size, String uploadedAt) {

        static FileView of(ProgressAttachment a) {
            return new FileView(a.id(), a.fileName(), ProgressAttachments.describe(a).substring(a.fileName().length()),
                    TransferTexts.time(a.uploadedAt()));
        }
    }

    public record ReportView(String reportedAt, String reporter, String statusLabel, int progress, String content,
            List<FileView> files) {
    }

    public record UnitView(long id, String title, String dueOn, String statusLabel, int progress, boolean overdue,
            boolean canUpload, List<ReportView> reports, List<FileView> pending) {
    }

    public record EventView(String time, String step, String action, String actor, String comment, Integer itemSeq) {
    }

    public record RatingView(String rating, String comment, String ratedAt) {
    }

    public record ItemDetail(long id, int seq, String content, String department, String dueOn,
            List<StateView> states, List<UnitView> units, String escalation, String inquiry, List<String> feedback,
            SatisfactionView satisfaction, List<RatingView> ratings, List<EventView> timeline) {
    }

    public record Detail(Row summary, String kindLabel, String outcome, List<ItemDetail> items,
            List<EventView> timeline) {
    }

    /** One consultation's results in full, if the staff member sees its place. */
    public Detail staffDetail(long consultationId, Set<String> visible) {
        Consultation c = consultations.get(consultationId);
        if (!Visibility.sees(visible, c.placeCode()) || (c.stage() != Stage.TRANSFER && c.stage() != Stage.CLOSED)) {
            throw new NoSuchElementException("协商不存在：" + consultationId);
        }
        List<ResultItem> items = transfers.items(c.id());
        Map<Long, Integer> seqs = items.stream().collect(Collectors.toMap(ResultItem::id, ResultItem::seq));
        ActorNames.Lookup names = actors.lookup();
        Function<TimelineEvent, EventView> event = e -> new EventView(TransferTexts.time(e.occurredAt()),
                ResultTimeline.stepLabel(e.stage()), e.action(), names.nameOf(e.actor()), e.comment(),
                e.resultItemId() == null ? null : seqs.get(e.resultItemId()));
        List<EventView> all = timeline.ofResults(c.id()).stream().map(event).toList();
        String department = routing.groupFor(AssignmentProcess.TASK_HANDLE, c.placeCode());
        boolean inDepartment = StaffContext.currentGroupIds().contains(department);
        String me = StaffContext.currentUserId().orElse(null);
        List<ItemDetail> details = items.stream().map(i -> new ItemDetail(i.id(), i.seq(), i.content(), i.department(),
                        i.dueOn() == null ? null : TransferTexts.date(i.dueOn()), states(i),
                        i.uses(Mechanism.ASSIGNMENT) ? units(i, inDepartment, me, names) : List.of(),
                        escalations.find(i.id()).map(escalations::describe).orElse(null),
                        inquiries.find(i.id()).map(inquiries::describe).orElse(null),
                        feedback.reports(i.id()).stream()
                                .map(r -> TransferTexts.time(r.reportedAt()) + " " + r.kindLabel() + "（"
                                        + r.adoption().label() + "）：" + r.content())
                                .toList(),
                        SatisfactionView.of(feedback.stats(i.id())),
                        feedback.ratings(i.id()).stream().filter(r -> r.ratedAt() != null)
                                .map(r -> new RatingView(r.rating().label(), r.comment(), TransferTexts.time(r.ratedAt())))
                                .toList(),
                        all.stream().filter(e -> e.itemSeq() != null && e.itemSeq() == i.seq()).toList()))
                .toList();
        return new Detail(row(c), c.kind().label(),
                c.outcome() == null ? null : c.outcome().label() + "：" + c.outcomeSummary(), details, all);
    }

    private List<UnitView> units(ResultItem item, boolean inDepartment, String me, ActorNames.Lookup names) {
        return assignments.units(item.id()).stream().map(u -> {
            List<ProgressAttachment> files = attachments.ofUnit(u.id());
            List<ReportView> reports = assignments.reports(u.id()).stream()
                    .map(r -> new ReportView(TransferTexts.time(r.reportedAt()), names.nameOf(r.reportedBy()),
                            r.status().label(), r.progress(), r.content(),
                            files.stream().filter(f -> r.id().equals(f.reportId())).map(FileView::of).toList()))
                    .toList();
            boolean mine = inDepartment || (me != null && me.equals(u.userId()));
            return new UnitView(u.id(), u.title(), TransferTexts.date(u.dueOn()), u.status().label(), u.progress(),
                    u.overdueAt(EngineClock.now()), mine && u.status() != UnitStatus.DONE, reports,
                    files.stream().filter(f -> f.reportId() == null).map(FileView::of).toList());
        }).toList();
    }

    /** Whether the logged-in staff member may attach files to the department's progress. */
    public boolean mayUpload(AssignmentUnit unit) {
        Consultation c = consultations.get(assignments.itemOf(unit).consultationId());
        String me = StaffContext.currentUserId().orElse(null);
        return StaffContext.currentGroupIds().contains(routing.groupFor(AssignmentProcess.TASK_HANDLE, c.placeCode()))
                || (me != null && me.equals(unit.userId()));
    }

    /** Whether the logged-in staff member sees the consultation the department's work belongs to. */
    public boolean maySee(AssignmentUnit unit) {
        Consultation c = consultations.get(assignments.itemOf(unit).consultationId());
        return Visibility.sees(visibility.placesOfCurrentUser(), c.placeCode()) || mayUpload(unit);
    }

    // ---- public: 成果集中统一展示窗口

    public record PublicState(String label, String statusLabel, String detail, boolean overdue) {
    }

    public record PublicItem(int seq, String content, List<PublicState> mechanisms, String evaluation,
            SatisfactionView satisfaction) {
    }

    public record PublicConsultation(String number, String placeName, String kindLabel, String topicTitle,
            String outcome, String outcomeSummary, String closedOn, List<PublicItem> items,
            SatisfactionView satisfaction) {
    }

    public record PlaceOption(String code, String name) {
    }

    public record PublicPage(long total, int page, int size, List<PlaceOption> places,
            List<PublicConsultation> consultations) {
    }

    public PublicPage publicPage(String placeCode, int page) {
        Set<String> places = placeCode == null || placeCode.isBlank() ? null : visibility.subtree(Set.of(placeCode));
        int safePage = Math.max(0, page);
        List<PublicConsultation> list = results.closed(places, safePage * PUBLIC_PAGE_SIZE, PUBLIC_PAGE_SIZE).stream()
                .map(this::publicConsultation).toList();
        List<PlaceOption> options = results.placesWithClosed().stream()
                .map(code -> new PlaceOption(code, organisation.place(code).name()))
                .sorted(Comparator.comparing(PlaceOption::code))
                .toList();
        return new PublicPage(results.countClosed(places), safePage, PUBLIC_PAGE_SIZE, options, list);
    }

    public PublicConsultation publicConsultation(String number) {
        Consultation c = consultations.getByNumber(number);
        if (c.stage() != Stage.CLOSED) {
            throw new NoSuchElementException("协商尚未结项：" + number);
        }
        return publicConsultation(c);
    }

    /** What the public may see of a consultation's result items and their mechanisms, at any stage. */
    public List<PublicItem> publicItems(long consultationId) {
        return transfers.items(consultationId).stream().map(i -> new PublicItem(i.seq(), i.content(),
                        overview.states(i).stream()
                                .map(s -> new PublicState(s.mechanism().label(),
                                        s.status() == null ? "未开始" : s.status().label(), s.detail(), s.overdue()))
                                .toList(),
                        i.uses(Mechanism.INQUIRY) ? inquiries.lastEvaluation(i.id()).map(e -> e.rating().label()).orElse(null)
                                : null,
                        SatisfactionView.of(feedback.stats(i.id()))))
                .toList();
    }

    private PublicConsultation publicConsultation(Consultation c) {
        List<PublicItem> rows = publicItems(c.id());
        return new PublicConsultation(c.number(), placeName(c), c.kind().label(), consultations.topicOf(c).title(),
                c.outcome() == null ? null : c.outcome().label(), c.outcomeSummary(),
                c.closedAt() == null ? null
                        : TransferTexts.date(c.closedAt().atZoneSameInstant(FormValues.ZONE).toLocalDate()),
                rows, SatisfactionView.of(feedback.stats(transfers.items(c.id()).stream().map(ResultItem::id).toList())));
    }
}
