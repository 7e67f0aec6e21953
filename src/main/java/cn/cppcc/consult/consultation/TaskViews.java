package cn.cppcc.consult.consultation;

import static cn.cppcc.consult.consultation.ConsultationProcess.CONSULTATION_ID;
import static cn.cppcc.consult.consultation.ConsultationProcess.PARTICIPANT_ID;
import static cn.cppcc.consult.consultation.ConsultationProcess.RESULT_ITEM_ID;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.organisation.OrganisationService;
import cn.cppcc.consult.participation.OnlineOpinions;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.process.TaskView;
import cn.cppcc.consult.talent.TalentService;
import cn.cppcc.consult.topic.Topic;
import cn.cppcc.consult.transfer.Mechanism;
import cn.cppcc.consult.transfer.ResultItem;
import cn.cppcc.consult.transfer.TransferService;
import cn.cppcc.consult.transfer.TransferTaskViews;

/**
 * What a person must see to do a task: the topic, the plan, the report to review, the opinions to
 * sum up, a returned draft and why it was returned. Put on the task as local variables when it is
 * created (the forms show them read-only or prefill editable fields); they end with the task.
 */
@Service
@Transactional(readOnly = true)
public class TaskViews implements TaskView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ConsultationService consultations;
    private final ResearchService research;
    private final DeliberationService deliberation;
    private final MinutesService minutes;
    private final TransferService transfers;
    private final OrganisationService organisation;
    private final Timeline timeline;
    private final TransferTaskViews transferViews;
    private final TalentService talents;
    private final OnlineOpinions onlineOpinions;

    TaskViews(ConsultationService consultations, ResearchService research, DeliberationService deliberation,
            MinutesService minutes, TransferService transfers, OrganisationService organisation, Timeline timeline,
            TransferTaskViews transferViews, TalentService talents, OnlineOpinions onlineOpinions) {
        this.talents = talents;
        this.consultations = consultations;
        this.research = research;
        this.deliberation = deliberation;
        this.minutes = minutes;
        this.transfers = transfers;
        this.organisation = organisation;
        this.timeline = timeline;
        this.transferViews = transferViews;
        this.onlineOpinions = onlineOpinions;
    }

    @Override
    public Map<String, Object> of(DelegateTask task) {
        Map<String, Object> view = new LinkedHashMap<>();
        Long consultationId = CONSULTATION_ID.find(task).orElse(null);
        if (consultationId == null) {
            return view;
        }
        Consultation c = consultations.get(consultationId);
        Topic topic = consultations.topicOf(c);
        view.put("consultationNumber", c.number());
        view.put("topicTitle", topic.title());
        view.put("topicDescription", topic.description());
        view.put("placeName", organisation.place(c.placeCode()).name() + "（" + c.kind().label() + "）");
        if (c.form() != null) {
            view.put("planSummary", planSummary(c));
        }
        RESULT_ITEM_ID.find(task).ifPresent(itemId -> {
            ResultItem item = transfers.item(itemId);
            view.put("resultItem", itemSummary(item));
            view.putAll(transferViews.of(task, item));
        });
        switch (task.getTaskDefinitionKey()) {
            case ConsultationProcess.TASK_REVISE_TOPIC ->
                    view.put("previousComment", lastComment(consultationId, "审定议题：" + TopicDecision.REVISE.label()));
            case ConsultationProcess.TASK_DRAFT_PARTICIPANTS -> {
                view.put("previousComment", lastComment(consultationId, "党组织不认可参与人员，退回调整"));
                // the talent pool is offered in a taglist; people drawn from it before are picked there again
                List<Participant> drawnUp = consultations.participants(consultationId);
                view.put("talentOptions", Spin.JSON(talents.optionsFor(c.placeCode()).stream()
                        .map(o -> Map.of("label", o.label(), "value", o.value())).toList()));
                view.put("talentIds", Spin.JSON(drawnUp.stream().filter(p -> p.talentId() != null)
                        .map(p -> String.valueOf(p.talentId())).toList()));
                view.put("participants", Spin.JSON(drawnUp.stream().filter(p -> p.talentId() == null)
                        .map(p -> {
                            Map<String, Object> row = new LinkedHashMap<>();
                            row.put("name", p.name());
                            row.put("category", p.category().name());
                            row.put("organisation", p.organisation());
                            row.put("userId", p.userId());
                            return row;
                        })
                        .toList()));
            }
            case ConsultationProcess.TASK_APPROVE_PARTICIPANTS, ConsultationProcess.TASK_PRE_BRIEF_PARTY ->
                    view.put("participantsSummary", participantsSummary(consultationId));
            case ConsultationProcess.TASK_CONDUCT_RESEARCH ->
                    view.put("previousComment", lastComment(consultationId, "调研报告退回"));
            case ConsultationProcess.TASK_REVIEW_RESEARCH -> view.put("researchSummary", researchSummary(consultationId));
            case ConsultationProcess.TASK_HOLD_MEETING -> {
                view.put("participantsSummary", participantsSummary(consultationId));
                view.put("participantOptions", Spin.JSON(consultations.participants(consultationId).stream()
                        .map(p -> Map.of("label", p.name() + "（" + p.category().label() + "）",
                                "value", String.valueOf(p.id())))
                        .toList()));
            }
            case ConsultationProcess.TASK_SUBMIT_WRITTEN_OPINION -> PARTICIPANT_ID.find(task)
                    .ifPresent(id -> view.put("participantName", consultations.participants(consultationId).stream()
                            .filter(p -> p.id().equals(id)).map(Participant::name).findFirst().orElse("")));
            case ConsultationProcess.TASK_SUMMARISE_OPINIONS -> view.put("opinionsSummary", opinionsSummary(c));
            case ConsultationProcess.TASK_DRAFT_MINUTES -> {
                view.put("outcomeSummary", c.outcome() == null ? "" : c.outcome().label() + "：" + c.outcomeSummary());
                view.put("opinionsSummary", opinionsSummary(c));
                view.put("previousComment", lastComment(consultationId, "主持人退回协商纪要"));
                minutes.findLatest(consultationId).ifPresent(draft -> {
                    view.put("minutes", draft.content());
                    view.put("resultItems", Spin.JSON(minutes.resultItems(consultationId).stream()
                            .map(item -> {
                                Map<String, Object> row = new LinkedHashMap<>();
                                row.put("content", item.content());
                                row.put("mechanisms", item.mechanisms().stream().map(Mechanism::name).toList());
                                row.put("department", item.department());
                                row.put("dueOn", item.dueOn() == null ? null : item.dueOn().toString());
                                return row;
                            })
                            .toList()));
                });
            }
            case ConsultationProcess.TASK_REVIEW_MINUTES, ConsultationProcess.TASK_FILE_MINUTES -> {
                view.put("minutesContent", minutes.latest(consultationId).content());
                view.put("resultItemsSummary", minutes.resultItems(consultationId).stream()
                        .map(TaskViews::itemSummary).collect(Collectors.joining("\n")));
            }
            default -> {
            }
        }
        return view;
    }

    private String planSummary(Consultation c) {
        StringBuilder s = new StringBuilder("协商形式：").append(c.form().label()).append("；主持人：").append(c.host());
        if (c.scheduledAt() != null) {
            s.append("；时间：").append(format(c.scheduledAt()));
        }
        if (c.venue() != null) {
            s.append("；地点：").append(c.venue());
        }
        if (c.closingAt() != null) {
            s.append("；意见征集截止：").append(format(c.closingAt()));
        }
        if (c.sensitive()) {
            s.append("；涉及敏感问题");
        }
        return s.toString();
    }

    private String participantsSummary(long consultationId) {
        return consultations.participants(consultationId).stream()
                .map(p -> p.name() + "（" + p.category().label() + (p.organisation() == null ? "" : "，" + p.organisation())
                        + "）")
                .collect(Collectors.joining("\n"));
    }

    private String researchSummary(long consultationId) {
        ResearchReport report = research.latest(consultationId);
        String activities = research.activities(report).stream()
                .map(a -> a.heldOn() + " " + a.kind().label() + "：" + a.summary())
                .collect(Collectors.joining("\n"));
        return "第" + report.round() + "轮调研活动：\n" + activities + "\n\n调研报告：\n" + report.summary();
    }

    /**
     * The opinions to sum up and write the minutes from. An online consultation's are those posted
     * before it closed, with their support, grouped by role and by support (hidden ones apart).
     */
    private String opinionsSummary(Consultation c) {
        if (c.form() == ConsultationForm.ONLINE) {
            return onlineOpinions.minutesSummary(c.id());
        }
        long consultationId = c.id();
        List<Opinion> opinions = deliberation.opinions(consultationId);
        String text = opinions.stream()
                .map(o -> "【" + o.channel().label() + "】" + o.authorName() + "：" + o.content())
                .collect(Collectors.joining("\n"));
        String responses = deliberation.responses(consultationId).stream()
                .map(r -> "【部门回应】" + r.department() + "：" + r.content())
                .collect(Collectors.joining("\n"));
        return responses.isEmpty() ? text : text + "\n" + responses;
    }

    static String itemSummary(ResultItem item) {
        String mechanisms = item.mechanisms().stream().map(Mechanism::label).collect(Collectors.joining("、"));
        StringBuilder s = new StringBuilder().append(item.seq()).append(". ").append(item.content())
                .append("（").append(mechanisms);
        if (item.department() != null) {
            s.append("；责任部门：").append(item.department());
        }
        if (item.dueOn() != null) {
            s.append("；期限：").append(item.dueOn());
        }
        return s.append("）").toString();
    }

    private String lastComment(long consultationId, String action) {
        return timeline.of(consultationId).stream()
                .filter(e -> action.equals(e.action()))
                .reduce((first, second) -> second)
                .map(TimelineEvent::comment)
                .orElse("");
    }

    private static String format(OffsetDateTime time) {
        return TIME.format(time.atZoneSameInstant(FormValues.ZONE));
    }
}
