package cn.cppcc.consult.plan;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.consultation.Consultation;
import cn.cppcc.consult.consultation.ConsultationService;
import cn.cppcc.consult.process.TaskView;
import cn.cppcc.consult.topic.Topic;
import cn.cppcc.consult.topic.TopicHistory;
import cn.cppcc.consult.topic.TopicRepository;

/**
 * What the conversion forms show besides the consultation itself (put there by the consultation's
 * own view): how it ended, the follow-up proposed, and why it came back.
 */
@Service
@Transactional(readOnly = true)
public class EmergencyTaskViews implements TaskView {

    private final ConsultationService consultations;
    private final TopicRepository topics;
    private final TopicHistory history;
    private final PlanRepository plans;

    EmergencyTaskViews(ConsultationService consultations, TopicRepository topics, TopicHistory history,
            PlanRepository plans) {
        this.consultations = consultations;
        this.topics = topics;
        this.history = history;
        this.plans = plans;
    }

    @Override
    public Map<String, Object> of(DelegateTask task) {
        Map<String, Object> view = new LinkedHashMap<>();
        String key = task.getTaskDefinitionKey();
        if (!EmergencyTopicProcess.TASK_CONVERT.equals(key) && !EmergencyTopicProcess.TASK_APPROVE_CONVERSION.equals(key)) {
            return view;
        }
        Consultation c = consultations.get(EmergencyTopicProcess.CONSULTATION_ID.get(task));
        view.put("consultationOutcome", c.stage().label()
                + (c.outcome() == null ? "" : "：" + c.outcome().label() + "。" + c.outcomeSummary()));
        Long followUpId = EmergencyTopicProcess.FOLLOW_UP_TOPIC_ID.find(task).orElse(null);
        Topic emergency = consultations.topicOf(c);
        if (EmergencyTopicProcess.TASK_CONVERT.equals(key)) {
            Topic followUp = followUpId == null ? null : topics.find(followUpId).orElseThrow();
            view.put("followUpTitle", followUp == null ? emergency.title() + "（常态化协商）" : followUp.title());
            view.put("followUpDescription", followUp == null ? emergency.description() : followUp.description());
            view.put("previousComment", followUpId == null ? ""
                    : history.lastComment(followUpId, EmergencyService.CONVERSION_RETURNED));
        } else {
            Topic followUp = topics.find(followUpId).orElseThrow();
            String planned = plans.draftItemOf(topics.details(followUpId).planPlaceCode(), followUpId)
                    .map(i -> AnnualPlanService.DAY.format(i.plannedOn())).orElse("");
            view.put("followUpSummary", followUp.number() + " " + followUp.title() + "\n计划协商日期：" + planned
                    + "\n" + followUp.description());
        }
        return view;
    }
}
