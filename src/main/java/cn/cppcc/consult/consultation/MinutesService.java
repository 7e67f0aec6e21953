package cn.cppcc.consult.consultation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.process.EngineClock;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.transfer.Mechanism;
import cn.cppcc.consult.transfer.ResultItem;
import cn.cppcc.consult.transfer.ResultItemRepository;

/**
 * 协商纪要: drafted with the result items it names, reviewed by the host (a returned draft is drafted
 * again), sent to the party committee and government, and filed with the county CPPCC.
 */
@Service
@Transactional
public class MinutesService {

    private final MinutesRepository minutes;
    private final ResultItemRepository items;
    private final ConsultationService consultations;

    MinutesService(MinutesRepository minutes, ResultItemRepository items, ConsultationService consultations) {
        this.minutes = minutes;
        this.items = items;
        this.consultations = consultations;
    }

    public record ItemDraft(String content, Set<Mechanism> mechanisms, String department, LocalDate dueOn) {
    }

    public void draft(long consultationId, String content, List<ItemDraft> drafts, String actor) {
        int round = minutes.findLatest(consultationId).map(m -> {
            if (m.status() == ReviewStatus.ACCEPTED) {
                throw new IllegalStateException("协商纪要已审核通过，不能再修改");
            }
            return m.round() + 1;
        }).orElse(1);
        LocalDate today = EngineClock.now().toLocalDate();
        List<ResultItem> list = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            ItemDraft draft = drafts.get(i);
            String which = "成果事项第" + (i + 1) + "项";
            if (draft.mechanisms().isEmpty()) {
                throw FormValues.invalid("resultItems", which + "须至少选择一种转化机制（交办、转报、问效、反馈）");
            }
            if (draft.mechanisms().contains(Mechanism.ASSIGNMENT)) {
                if (draft.department() == null) {
                    throw FormValues.invalid("resultItems", which + "选择了交办，须填写责任部门");
                }
                if (draft.dueOn() == null || draft.dueOn().isBefore(today)) {
                    throw FormValues.invalid("resultItems", which + "选择了交办，须填写不早于今天的办理期限");
                }
            }
            Set<Mechanism> m = draft.mechanisms();
            list.add(new ResultItem(null, consultationId, i + 1, draft.content(), draft.department(), draft.dueOn(),
                    m.contains(Mechanism.ASSIGNMENT), m.contains(Mechanism.ESCALATION),
                    m.contains(Mechanism.INQUIRY), m.contains(Mechanism.FEEDBACK)));
        }
        OffsetDateTime now = EngineClock.now();
        minutes.insert(consultationId, round, content, actor, now);
        items.replaceAll(consultationId, list);
        consultations.record(consultationId, Stage.MINUTES, "起草第" + round + "稿协商纪要", actor,
                list.size() + "项成果事项");
    }

    public void review(long consultationId, boolean approved, String comment, String actor) {
        Minutes latest = latest(consultationId);
        if (latest.status() != ReviewStatus.SUBMITTED) {
            throw new IllegalStateException("协商纪要已审核：" + latest.id());
        }
        minutes.review(latest.id(), approved ? ReviewStatus.ACCEPTED : ReviewStatus.RETURNED, comment, actor,
                EngineClock.now());
        consultations.record(consultationId, Stage.MINUTES, approved ? "主持人审核通过协商纪要" : "主持人退回协商纪要",
                actor, comment);
    }

    public void markSent(long consultationId) {
        Minutes accepted = accepted(consultationId);
        minutes.markSent(accepted.id(), EngineClock.now());
        consultations.record(consultationId, Stage.MINUTES, "纪要呈送党委政府", null, null);
    }

    public void file(long consultationId, String filingNumber, String actor) {
        Minutes accepted = accepted(consultationId);
        minutes.file(accepted.id(), filingNumber, actor, EngineClock.now());
        consultations.moveTo(consultationId, Stage.TRANSFER);
        consultations.record(consultationId, Stage.MINUTES, "纪要报县政协联络委备案", actor, "备案号：" + filingNumber);
    }

    @Transactional(readOnly = true)
    public Minutes latest(long consultationId) {
        return minutes.findLatest(consultationId)
                .orElseThrow(() -> new IllegalStateException("尚未起草协商纪要：" + consultationId));
    }

    @Transactional(readOnly = true)
    public Optional<Minutes> findLatest(long consultationId) {
        return minutes.findLatest(consultationId);
    }

    private Minutes accepted(long consultationId) {
        Minutes latest = latest(consultationId);
        if (latest.status() != ReviewStatus.ACCEPTED) {
            throw new IllegalStateException("协商纪要尚未审核通过：" + consultationId);
        }
        return latest;
    }

    @Transactional(readOnly = true)
    public List<ResultItem> resultItems(long consultationId) {
        return items.findAll(consultationId);
    }
}
