package cn.cppcc.consult.transfer.escalation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.consultation.Consultation;
import cn.cppcc.consult.consultation.ConsultationService;
import cn.cppcc.consult.notification.DeadlineNotices;
import cn.cppcc.consult.notification.DeadlineNotices.Deadline;
import cn.cppcc.consult.organisation.TaskRouting;
import cn.cppcc.consult.process.EngineClock;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.transfer.ActorNames;
import cn.cppcc.consult.transfer.Adoption;
import cn.cppcc.consult.transfer.Mechanism;
import cn.cppcc.consult.transfer.MechanismProgress;
import cn.cppcc.consult.transfer.ResultFollowers;
import cn.cppcc.consult.transfer.ResultItem;
import cn.cppcc.consult.transfer.TransferDeadlines;
import cn.cppcc.consult.transfer.TransferDeadlines.Limit;
import cn.cppcc.consult.transfer.TransferService;
import cn.cppcc.consult.transfer.TransferTexts;

/**
 * 转报: a member drafts a proposal (委员提案) or public-opinion report (社情民意信息) from the item, the
 * county CPPCC office reviews it (a returned draft is drafted again), submits it upward and registers the
 * number it is given, chases the answer at an interval and records it. Also the bean
 * {@code Escalation.bpmn} asks for the chasing interval.
 */
@Service("escalationService")
@Transactional
public class EscalationService implements MechanismProgress {

    private final EscalationRepository escalations;
    private final TransferService transfers;
    private final ResultFollowers followers;
    private final ConsultationService consultations;
    private final DeadlineNotices deadlineNotices;
    private final TaskRouting routing;
    private final TransferDeadlines deadlines;
    private final ActorNames actors;

    EscalationService(EscalationRepository escalations, TransferService transfers, ResultFollowers followers,
            ConsultationService consultations, DeadlineNotices deadlineNotices, TaskRouting routing,
            TransferDeadlines deadlines, ActorNames actors) {
        this.escalations = escalations;
        this.transfers = transfers;
        this.followers = followers;
        this.consultations = consultations;
        this.deadlineNotices = deadlineNotices;
        this.routing = routing;
        this.deadlines = deadlines;
        this.actors = actors;
    }

    @Override
    public Mechanism mechanism() {
        return Mechanism.ESCALATION;
    }

    @Transactional(readOnly = true)
    public Optional<Escalation> find(long resultItemId) {
        return escalations.findByItem(resultItemId);
    }

    @Transactional(readOnly = true)
    public Escalation get(long resultItemId) {
        return find(resultItemId).orElseThrow(() -> new NoSuchElementException("尚未撰写转报材料：" + resultItemId));
    }

    public void draft(long resultItemId, EscalationKind kind, String title, String content, String actor) {
        Optional<Escalation> existing = find(resultItemId);
        if (existing.isPresent() && existing.get().status() != EscalationStatus.RETURNED) {
            throw new IllegalStateException("转报材料已提交审核：" + resultItemId);
        }
        if (existing.isPresent()) {
            escalations.updateDraft(existing.get().id(), kind, title, content, actor, EngineClock.now());
        } else {
            escalations.insertDraft(resultItemId, kind, title, content, actor, EngineClock.now());
        }
        transfers.record(transfers.item(resultItemId), Mechanism.ESCALATION, "撰写" + kind.label(), actor, title);
    }

    public void review(long resultItemId, boolean approved, String comment, String actor) {
        Escalation e = get(resultItemId);
        if (e.status() != EscalationStatus.DRAFTED) {
            throw new IllegalStateException("转报材料已审核：" + resultItemId);
        }
        if (!approved && comment == null) {
            throw FormValues.invalid("comment", "退回修改须写明修改意见");
        }
        escalations.updateReview(e.id(), approved, comment, actor, EngineClock.now());
        transfers.record(transfers.item(resultItemId), Mechanism.ESCALATION,
                approved ? "审核通过" + e.kind().label() : "退回修改" + e.kind().label(), actor, comment);
    }

    /** Submitted upward and registered with the number the receiving body gave it (e.g. 县政协提案第12号). */
    public void register(long resultItemId, String number, String submittedTo, String handlingUnit, String actor) {
        Escalation e = get(resultItemId);
        if (e.status() != EscalationStatus.APPROVED) {
            throw new IllegalStateException("转报材料尚未审核通过：" + resultItemId);
        }
        if (escalations.numberTaken(e.kind(), number)) {
            throw FormValues.invalid("registrationNumber", "编号“" + number + "”已登记给另一件" + e.kind().label());
        }
        escalations.updateRegistration(e.id(), number, submittedTo, handlingUnit, actor, EngineClock.now());
        ResultItem item = transfers.item(resultItemId);
        String text = e.kind().label() + "“" + e.title() + "”已报送" + submittedTo + "，登记编号" + number
                + (handlingUnit == null ? "" : "，承办单位：" + handlingUnit);
        transfers.record(item, Mechanism.ESCALATION, "报送登记", actor, text);
        followers.changed(item, text);
    }

    /**
     * 催询: the answer, due one chasing interval after registration, has not come; the office that follows
     * it and the member who drafted it are reminded that it is overdue.
     */
    public void chase(long resultItemId) {
        Escalation e = get(resultItemId);
        if (e.status() != EscalationStatus.REGISTERED) {
            return;
        }
        escalations.incrementChases(e.id());
        ResultItem item = transfers.item(resultItemId);
        Consultation c = consultations.get(item.consultationId());
        String answer = (e.handlingUnit() == null ? "" : e.handlingUnit() + "对") + e.title(true) + "的答复";
        Deadline deadline = new Deadline(answer, consultations.topicOf(c).title(), c.number(),
                e.registeredAt().plus(deadlines.of(Limit.ESCALATION_ANSWER, c.placeCode())), c.id(), null);
        deadlineNotices.remindOverdue(deadline, e.draftedBy() == null ? List.of() : List.of(e.draftedBy()),
                List.of(routing.groupFor(EscalationProcess.TASK_RECORD_ANSWER, c.placeCode())));
        transfers.record(item, Mechanism.ESCALATION, "催询办理答复（第" + (e.chases() + 1) + "次）", null,
                e.title(true));
    }

    public void recordAnswer(long resultItemId, String answer, Adoption adoption, LocalDate answeredOn, String actor) {
        Escalation e = get(resultItemId);
        if (e.status() != EscalationStatus.REGISTERED) {
            throw new IllegalStateException("转报材料尚未报送登记：" + resultItemId);
        }
        LocalDate today = EngineClock.now().atZoneSameInstant(FormValues.ZONE).toLocalDate();
        if (answeredOn.isAfter(today)) {
            throw FormValues.invalid("answeredOn", "答复日期不能晚于今天");
        }
        if (answeredOn.isBefore(e.registeredAt().atZoneSameInstant(FormValues.ZONE).toLocalDate())) {
            throw FormValues.invalid("answeredOn", "答复日期不能早于报送登记日期");
        }
        escalations.updateAnswer(e.id(), answer, adoption, answeredOn, actor, EngineClock.now());
        ResultItem item = transfers.item(resultItemId);
        String text = e.title(true) + "已答复（" + adoption.label() + "）：" + answer;
        transfers.record(item, Mechanism.ESCALATION, "登记办理答复", actor, text);
        followers.changed(item, text);
    }

    public void finish(long resultItemId) {
        Escalation e = get(resultItemId);
        transfers.finish(resultItemId, Mechanism.ESCALATION,
                e.title(true) + "已答复：" + e.adoption().label() + "（" + TransferTexts.date(e.answeredOn()) + "）", null);
    }

    /** The escalation as its reviewers and the results page read it. */
    @Transactional(readOnly = true)
    public String describe(Escalation e) {
        StringBuilder s = new StringBuilder().append(e.kind().label()).append("：").append(e.title())
                .append("\n撰写人：").append(actors.lookup().nameOf(e.draftedBy()))
                .append("（第").append(e.round()).append("稿，").append(TransferTexts.time(e.draftedAt())).append("）\n\n")
                .append(e.content());
        if (e.registrationNumber() != null) {
            s.append("\n\n已报送").append(e.submittedTo()).append("，登记编号：").append(e.registrationNumber());
            if (e.handlingUnit() != null) {
                s.append("，承办单位：").append(e.handlingUnit());
            }
            s.append("（").append(TransferTexts.time(e.registeredAt())).append("）");
            if (e.chases() > 0) {
                s.append("，已催询").append(e.chases()).append("次");
            }
        }
        return s.toString();
    }

    /** Chased at every interval after registration until answered: {@code ${escalationService.chaseCycle(placeCode)}}. */
    @Transactional(readOnly = true)
    public String chaseCycle(String placeCode) {
        return "R/" + deadlines.of(Limit.ESCALATION_ANSWER, placeCode);
    }

    @Override
    @Transactional(readOnly = true)
    public String stateOf(ResultItem item) {
        return find(item.id()).map(e -> {
            List<String> parts = new ArrayList<>();
            parts.add(e.title(true) + e.status().label());
            if (e.status() == EscalationStatus.REGISTERED && e.chases() > 0) {
                parts.add("已催询" + e.chases() + "次");
            }
            if (e.status() == EscalationStatus.ANSWERED) {
                parts.add(e.adoption().label());
            }
            return String.join("，", parts);
        }).orElse("待撰写");
    }
}
