package cn.cppcc.consult.plan;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.intake.IntakeTaskViews;
import cn.cppcc.consult.organisation.OrganisationService;
import cn.cppcc.consult.process.TaskView;
import cn.cppcc.consult.topic.Topic;
import cn.cppcc.consult.topic.TopicRepository;

/** What the temporary topic's forms show: the topic, why it is added now, the committee's plan, the last return. */
@Service
@Transactional(readOnly = true)
public class TemporaryTopicTaskViews implements TaskView {

    private static final Set<String> TASKS = Set.of(TemporaryTopicProcess.TASK_DRAFT, TemporaryTopicProcess.TASK_REVIEW,
            TemporaryTopicProcess.TASK_APPROVE);

    private final TemporaryTopicService temporaryTopics;
    private final TopicRepository topics;
    private final OrganisationService organisation;

    TemporaryTopicTaskViews(TemporaryTopicService temporaryTopics, TopicRepository topics,
            OrganisationService organisation) {
        this.temporaryTopics = temporaryTopics;
        this.topics = topics;
        this.organisation = organisation;
    }

    @Override
    public Map<String, Object> of(DelegateTask task) {
        Map<String, Object> view = new LinkedHashMap<>();
        if (!TASKS.contains(task.getTaskDefinitionKey())) {
            return view;
        }
        TemporaryTopic t = temporaryTopics.get(TemporaryTopicProcess.TEMPORARY_TOPIC_ID.get(task));
        Topic topic = temporaryTopics.topicOf(t);
        view.putAll(IntakeTaskViews.topicSummary(topic, topics.details(topic.id()), organisation));
        view.put("temporaryReason", t.reason());
        if (t.plannedOn() != null) {
            view.put("temporaryPlanSummary", "协商形式：" + t.consultationForm().label()
                    + "\n计划协商日期：" + AnnualPlanService.DAY.format(t.plannedOn())
                    + "\n参与范围：" + t.participantsScope() + "\n调研安排：" + t.researchPlan());
        }
        if (TemporaryTopicProcess.TASK_DRAFT.equals(task.getTaskDefinitionKey())) {
            String chairs = temporaryTopics.lastComment(topic.id(), TemporaryTopicService.CHAIRS_RETURNED);
            String party = temporaryTopics.lastComment(topic.id(), TemporaryTopicService.PARTY_RETURNED);
            view.put("previousComment", ((chairs.isEmpty() ? "" : "主席会议：" + chairs + "\n")
                    + (party.isEmpty() ? "" : "党组织：" + party)).strip());
            if (t.plannedOn() != null) {
                view.put("consultationForm", t.consultationForm().name());
                view.put("plannedOn", t.plannedOn().toString());
                view.put("participantsScope", t.participantsScope());
                view.put("researchPlan", t.researchPlan());
            }
        }
        return view;
    }
}
