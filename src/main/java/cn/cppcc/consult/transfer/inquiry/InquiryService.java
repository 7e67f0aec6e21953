package cn.cppcc.consult.transfer.inquiry;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.organisation.OrganisationService;
import cn.cppcc.consult.process.EngineClock;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.transfer.Mechanism;
import cn.cppcc.consult.transfer.MechanismProgress;
import cn.cppcc.consult.transfer.ResultFollowers;
import cn.cppcc.consult.transfer.ResultItem;
import cn.cppcc.consult.transfer.Satisfaction;
import cn.cppcc.consult.transfer.TransferService;
import cn.cppcc.consult.transfer.TransferTexts;

/**
 * 问效: supervisors inspect, visit and survey, then hold a democratic evaluation; an unsatisfactory
 * item is handled again (as often as {@code InquiryRehandlingLimit.dmn} allows) and inquired into
 * anew, after that the county party committee supervises it. Also the bean
 * {@code EffectivenessInquiry.bpmn} asks whether to wait for the item's assignment.
 */
@Service("inquiryService")
@Transactional
public class InquiryService implements MechanismProgress {

    private final InquiryRepository inquiries;
    private final TransferService transfers;
    private final ResultFollowers followers;
    private final OrganisationService organisation;

    InquiryService(InquiryRepository inquiries, TransferService transfers, ResultFollowers followers,
            OrganisationService organisation) {
        this.inquiries = inquiries;
        this.transfers = transfers;
        this.followers = followers;
        this.organisation = organisation;
    }

    public record ActivityDraft(InquiryMethod method, LocalDate heldOn, String findings, Integer respondents,
            Integer satisfiedRespondents) {
    }

    /** The votes of a democratic evaluation, if they were counted. */
    public record Votes(Integer satisfied, Integer basic, Integer unsatisfied) {
    }

    @Override
    public Mechanism mechanism() {
        return Mechanism.INQUIRY;
    }

    // ---- when to begin

    /** An item that is also assigned is inquired into once its assignment is finished (or its deadline passed). */
    @Transactional(readOnly = true)
    public boolean awaitsAssignment(long resultItemId) {
        ResultItem item = transfers.item(resultItemId);
        return item.uses(Mechanism.ASSIGNMENT) && item.dueOn() != null
                && !transfers.finished(resultItemId, Mechanism.ASSIGNMENT);
    }

    /** The end of the item's deadline: {@code ${inquiryService.handlingDeadline(resultItemId)}}. */
    @Transactional(readOnly = true)
    public Date handlingDeadline(long resultItemId) {
        return Date.from(TransferTexts.endOf(transfers.item(resultItemId).dueOn()).toInstant());
    }

    /** The input of {@code InquiryRehandlingLimit.dmn}: the level of the consultation's place. */
    @Transactional(readOnly = true)
    public String placeLevel(String placeCode) {
        return organisation.place(placeCode).level().name();
    }

    // ---- a round

    public void recordActivities(long resultItemId, List<ActivityDraft> activities, String actor) {
        if (activities.isEmpty()) {
            throw FormValues.invalid("activities", "请至少记录一次调研视察、明察暗访、座谈回访或问卷调查");
        }
        LocalDate today = EngineClock.now().atZoneSameInstant(FormValues.ZONE).toLocalDate();
        for (int i = 0; i < activities.size(); i++) {
            ActivityDraft a = activities.get(i);
            String which = "问效活动第" + (i + 1) + "项";
            if (a.heldOn().isAfter(today)) {
                throw FormValues.invalid("activities", which + "的日期不能晚于今天");
            }
            if (a.method() == InquiryMethod.QUESTIONNAIRE) {
                if (a.respondents() == null || a.respondents() < 1) {
                    throw FormValues.invalid("activities", which + "为问卷调查，须填写回收问卷份数");
                }
                if (a.satisfiedRespondents() == null || a.satisfiedRespondents() > a.respondents()) {
                    throw FormValues.invalid("activities", which + "的满意份数须填写，且不能超过回收份数");
                }
            }
        }
        Inquiry inquiry = inquiries.findByItem(resultItemId).orElseGet(() -> {
            inquiries.insert(resultItemId, EngineClock.now());
            return inquiries.findByItem(resultItemId).orElseThrow();
        });
        for (ActivityDraft a : activities) {
            boolean survey = a.method() == InquiryMethod.QUESTIONNAIRE;
            inquiries.insertActivity(inquiry.id(), inquiry.round(), a.method(), a.heldOn(), a.findings(),
                    survey ? a.respondents() : null, survey ? a.satisfiedRespondents() : null, actor, EngineClock.now());
        }
        inquiries.updateStatus(inquiry.id(), InquiryStatus.EVALUATING);
        transfers.record(transfers.item(resultItemId), Mechanism.INQUIRY, "开展问效（第" + inquiry.round() + "轮）", actor,
                activities.stream().map(a -> a.method().label() + "：" + a.findings()).collect(Collectors.joining("；")));
    }

    /** 民主评议 of the current round; answers how often the item has been handled again so far. */
    public int evaluate(long resultItemId, Satisfaction rating, Votes votes, String comment, String actor) {
        Inquiry inquiry = inquiry(resultItemId);
        if (inquiry.status() != InquiryStatus.EVALUATING) {
            throw new IllegalStateException("本轮尚未开展问效：" + resultItemId);
        }
        boolean counted = votes.satisfied() != null || votes.basic() != null || votes.unsatisfied() != null;
        if (counted && (votes.satisfied() == null || votes.basic() == null || votes.unsatisfied() == null
                || votes.satisfied() + votes.basic() + votes.unsatisfied() == 0)) {
            throw FormValues.invalid("satisfiedVotes", "请完整填写满意、基本满意、不满意的票数（可为0，合计须大于0）");
        }
        if (rating == Satisfaction.UNSATISFIED && comment == null) {
            throw FormValues.invalid("comment", "评议不满意须写明意见，以便重新办理");
        }
        inquiries.insertEvaluation(inquiry.id(), inquiry.round(), rating, votes.satisfied(), votes.basic(),
                votes.unsatisfied(), comment, actor, EngineClock.now());
        InquiryEvaluation evaluation = inquiries.findEvaluations(inquiry.id()).stream()
                .filter(e -> e.round() == inquiry.round()).findFirst().orElseThrow();
        ResultItem item = transfers.item(resultItemId);
        transfers.record(item, Mechanism.INQUIRY, "民主评议：" + rating.label(), actor, evaluation.line());
        followers.changed(item, evaluation.line());
        return rehandlings(inquiry);
    }

    /** 重新办理 after an unsatisfactory evaluation; the next round of inquiry follows. */
    public void rehandle(long resultItemId, String measures, String actor) {
        Inquiry inquiry = inquiry(resultItemId);
        inquiries.insertRehandling(inquiry.id(), inquiry.round(), measures, actor, EngineClock.now());
        inquiries.nextRound(inquiry.id());
        ResultItem item = transfers.item(resultItemId);
        String action = "重新办理（第" + rehandlings(inquiry) + "次）";
        transfers.record(item, Mechanism.INQUIRY, action, actor, measures);
        followers.changed(item, "评议不满意，已" + action + "：" + measures);
    }

    /** Unsatisfactory after every re-handling allowed: the county party committee supervises it. */
    public void supervise(long resultItemId, String opinion, String actor) {
        Inquiry inquiry = inquiry(resultItemId);
        inquiries.updateSupervision(inquiry.id(), opinion, actor, EngineClock.now());
        ResultItem item = transfers.item(resultItemId);
        transfers.record(item, Mechanism.INQUIRY, "县委督办", actor, opinion);
        followers.changed(item, "经" + rehandlings(inquiry) + "次重新办理评议仍不满意，县委已督办：" + opinion);
    }

    public void finish(long resultItemId) {
        Inquiry inquiry = inquiry(resultItemId);
        inquiries.updateFinished(inquiry.id(), EngineClock.now());
        transfers.finish(resultItemId, Mechanism.INQUIRY, outcome(inquiry), null);
    }

    // ---- what there is to see

    @Transactional(readOnly = true)
    public Optional<Inquiry> find(long resultItemId) {
        return inquiries.findByItem(resultItemId);
    }

    @Transactional(readOnly = true)
    public Inquiry inquiry(long resultItemId) {
        return find(resultItemId).orElseThrow(() -> new NoSuchElementException("尚未开展问效：" + resultItemId));
    }

    @Transactional(readOnly = true)
    public List<InquiryActivity> activities(Inquiry inquiry) {
        return inquiries.findActivities(inquiry.id());
    }

    @Transactional(readOnly = true)
    public List<InquiryEvaluation> evaluations(Inquiry inquiry) {
        return inquiries.findEvaluations(inquiry.id());
    }

    @Transactional(readOnly = true)
    public List<Rehandling> rehandlingsOf(Inquiry inquiry) {
        return inquiries.findRehandlings(inquiry.id());
    }

    /** Every round: its activities, its evaluation and what was done after it. */
    @Transactional(readOnly = true)
    public String describe(Inquiry inquiry) {
        StringBuilder s = new StringBuilder();
        for (int round = 1; round <= inquiry.round(); round++) {
            int r = round;
            String activities = activities(inquiry).stream().filter(a -> a.round() == r)
                    .map(InquiryActivity::line).collect(Collectors.joining("\n"));
            if (!activities.isEmpty()) {
                s.append("【第").append(r).append("轮问效】\n").append(activities).append("\n");
            }
            evaluations(inquiry).stream().filter(e -> e.round() == r)
                    .forEach(e -> s.append(e.line()).append("\n"));
            rehandlingsOf(inquiry).stream().filter(h -> h.round() == r)
                    .forEach(h -> s.append("重新办理：").append(h.measures()).append("\n"));
        }
        return s.toString().strip();
    }

    private int rehandlings(Inquiry inquiry) {
        return inquiries.findRehandlings(inquiry.id()).size();
    }

    @Transactional(readOnly = true)
    public Optional<InquiryEvaluation> lastEvaluation(long resultItemId) {
        return find(resultItemId).flatMap(i -> {
            List<InquiryEvaluation> all = inquiries.findEvaluations(i.id());
            return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
        });
    }

    private String outcome(Inquiry inquiry) {
        InquiryEvaluation last = lastEvaluation(inquiry.resultItemId()).orElseThrow();
        int times = rehandlings(inquiry);
        String rounds = times == 0 ? "" : "（经" + times + "次重新办理）";
        if (last.rating() == Satisfaction.UNSATISFIED) {
            return "民主评议不满意" + rounds + "，已提请县委督办";
        }
        return "民主评议" + last.rating().label() + rounds;
    }

    @Override
    @Transactional(readOnly = true)
    public String stateOf(ResultItem item) {
        Optional<Inquiry> found = find(item.id());
        if (found.isEmpty()) {
            return awaitsAssignment(item.id()) ? "交办办结后开展问效" : "待开展问效";
        }
        Inquiry inquiry = found.get();
        if (inquiry.status() == InquiryStatus.DONE) {
            return outcome(inquiry);
        }
        String last = lastEvaluation(item.id()).map(e -> "，上轮评议" + e.rating().label()).orElse("");
        return "第" + inquiry.round() + "轮" + inquiry.status().label() + last;
    }
}
