package cn.cppcc.consult.consultation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.process.EngineClock;
import cn.cppcc.consult.process.FormValues;

/**
 * 不调研不协商: research activities end in a report, which the host accepts or returns. The process
 * reaches the meeting only through an accepted report; this service keeps every round on record.
 */
@Service
@Transactional
public class ResearchService {

    private final ResearchRepository research;
    private final ConsultationService consultations;

    ResearchService(ResearchRepository research, ConsultationService consultations) {
        this.research = research;
        this.consultations = consultations;
    }

    public record Activity(ResearchKind kind, LocalDate heldOn, String summary) {
    }

    public ResearchReport submit(long consultationId, List<Activity> activities, String summary, String actor) {
        if (activities.isEmpty()) {
            throw FormValues.invalid("activities", "请至少记录一次调研活动（座谈、走访、视察或问卷）");
        }
        LocalDate today = EngineClock.now().toLocalDate();
        for (Activity activity : activities) {
            if (activity.heldOn().isAfter(today)) {
                throw FormValues.invalid("activities", "调研活动日期不能晚于今天：" + activity.heldOn());
            }
        }
        int round = research.findLatest(consultationId).map(r -> r.round() + 1).orElse(1);
        OffsetDateTime now = EngineClock.now();
        long reportId = research.insertReport(consultationId, round, summary, actor, now);
        for (Activity activity : activities) {
            research.insertActivity(reportId, activity.kind(), activity.heldOn(), activity.summary());
        }
        consultations.record(consultationId, Stage.RESEARCH, "提交第" + round + "轮调研报告", actor,
                activities.size() + "次调研活动");
        return research.findLatest(consultationId).orElseThrow();
    }

    public void review(long consultationId, boolean accepted, String comment, String actor) {
        ResearchReport report = latest(consultationId);
        if (report.status() != ReviewStatus.SUBMITTED) {
            throw new IllegalStateException("调研报告已审核：" + report.id());
        }
        research.review(report.id(), accepted ? ReviewStatus.ACCEPTED : ReviewStatus.RETURNED, comment, actor,
                EngineClock.now());
        if (accepted) {
            consultations.moveTo(consultationId, Stage.CONSULTING);
        }
        consultations.record(consultationId, Stage.RESEARCH,
                accepted ? "调研报告通过" : "调研报告退回", actor, comment);
    }

    @Transactional(readOnly = true)
    public ResearchReport latest(long consultationId) {
        return research.findLatest(consultationId)
                .orElseThrow(() -> new IllegalStateException("尚未提交调研报告：" + consultationId));
    }

    @Transactional(readOnly = true)
    public boolean hasAcceptedReport(long consultationId) {
        return research.findAll(consultationId).stream().anyMatch(r -> r.status() == ReviewStatus.ACCEPTED);
    }

    @Transactional(readOnly = true)
    public List<ResearchActivity> activities(ResearchReport report) {
        return research.findActivities(report.id());
    }
}
