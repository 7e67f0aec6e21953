package cn.cppcc.consult.intake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.organisation.OrganisationService;
import cn.cppcc.consult.organisation.Place;
import cn.cppcc.consult.process.TaskView;
import cn.cppcc.consult.topic.Topic;
import cn.cppcc.consult.topic.TopicDetails;

/**
 * What the intake forms show: the topic as submitted (text only, in read-only fields), where it may
 * occur, and for the decision the rules' conclusions with the prefilled choice they suggest. A
 * citizen's name and number are never put on a task.
 */
@Service
@Transactional(readOnly = true)
public class IntakeTaskViews implements TaskView {

    private final IntakeService intake;
    private final OrganisationService organisation;

    IntakeTaskViews(IntakeService intake, OrganisationService organisation) {
        this.intake = intake;
        this.organisation = organisation;
    }

    @Override
    public Map<String, Object> of(DelegateTask task) {
        Map<String, Object> view = new LinkedHashMap<>();
        String key = task.getTaskDefinitionKey();
        if (!TopicIntakeProcess.TASK_SCREEN.equals(key) && !TopicIntakeProcess.TASK_DECIDE.equals(key)) {
            return view;
        }
        long topicId = TopicIntakeProcess.TOPIC_ID.get(task);
        Topic topic = intake.topic(topicId);
        TopicDetails details = intake.details(topicId);
        view.putAll(topicSummary(topic, details, organisation));
        if (TopicIntakeProcess.TASK_SCREEN.equals(key)) {
            view.put("placeOptions", Spin.JSON(intake.screeningScope(topicId).stream()
                    .map(p -> Map.of("label", placeLabel(p), "value", p.code()))
                    .toList()));
            view.put("occurrencePlace", details.occurrencePlaceCode());
        } else {
            Screening s = intake.screening(topicId);
            view.put("screeningSummary", findings(s, details));
            view.put("ruleConclusion", s.screeningRule() == ScreeningOutcome.REJECT
                    ? "不予受理。" + s.screeningRuleReason() : s.screeningRuleReason());
            view.put("levelConclusion", s.levelRule().label());
            if (s.screeningRule() == ScreeningOutcome.REJECT) {
                view.put("intakeDecision", IntakeDecision.REJECT.name());
            }
            if (s.levelRule() != LevelOutcome.EITHER) {
                view.put(TopicIntakeProcess.CONSULTATION_KIND.name(), s.levelRule().name());
            }
        }
        return view;
    }

    /** The topic as the intake and planning forms show it. */
    public static Map<String, Object> topicSummary(Topic topic, TopicDetails details, OrganisationService organisation) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("topicNumber", topic.number());
        view.put("topicTitle", topic.title());
        view.put("topicDescription", topic.description());
        view.put("placeName", organisation.place(topic.placeCode()).name());
        StringBuilder source = new StringBuilder(topic.source().label()).append("（").append(topic.sourceLevel().label())
                .append("级）");
        if (details.proposer() != null) {
            source.append("；提出：").append(details.proposer());
        }
        if (details.receiptNumber() != null) {
            source.append("；群众实名提交，回执号 ").append(details.receiptNumber());
        }
        if (details.affectedCount() != null) {
            source.append("；涉及群众约").append(details.affectedCount()).append("人");
        }
        view.put("sourceSummary", source.toString());
        return view;
    }

    private String findings(Screening s, TopicDetails details) {
        List<String> found = new java.util.ArrayList<>();
        if (s.inLitigation()) {
            found.add("涉法涉诉");
        }
        if (s.inPetitionSystem()) {
            found.add("已纳入信访");
        }
        if (s.individualOnly()) {
            found.add("仅涉及个人、不具有代表性");
        }
        if (s.settledByPolicy()) {
            found.add("党委政府已有明确规定");
        }
        return "问题发生地：" + placeLabel(organisation.place(details.occurrencePlaceCode()))
                + "\n需要" + s.resolutionLevel().label() + "级解决"
                + "\n不予受理情形：" + (found.isEmpty() ? "无" : String.join("、", found))
                + (s.note() == null ? "" : "\n初审意见：" + s.note());
    }

    private String placeLabel(Place place) {
        return place.parentCode() == null || place.level().ordinal() <= 2 ? place.name()
                : organisation.place(place.parentCode()).name() + " / " + place.name();
    }
}
