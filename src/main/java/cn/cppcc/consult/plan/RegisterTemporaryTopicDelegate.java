package cn.cppcc.consult.plan;

import static cn.cppcc.consult.plan.TemporaryTopicProcess.INITIATOR;
import static cn.cppcc.consult.plan.TemporaryTopicProcess.PLACE_CODE;
import static cn.cppcc.consult.plan.TemporaryTopicProcess.TEMPORARY_TOPIC_ID;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.organisation.PlaceLevel;
import cn.cppcc.consult.plan.TemporaryTopicService.Proposal;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.topic.TopicSource;

/** 登记临时议题: proposed by the county CPPCC office or a special committee. */
@Component
public class RegisterTemporaryTopicDelegate implements JavaDelegate {

    private final TemporaryTopicService temporaryTopics;
    private final Organisers organisers;

    RegisterTemporaryTopicDelegate(TemporaryTopicService temporaryTopics, Organisers organisers) {
        this.temporaryTopics = temporaryTopics;
        this.organisers = organisers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FormValues form = FormValues.of(execution);
        Proposal proposal = new Proposal(form.optionalText("topicNumber", "已受理议题编号", 32),
                form.optionalText("title", "议题名称", 100), form.optionalText("description", "议题内容", 4000),
                form.choice("source", "议题来源", TopicSource.class), form.text("reason", "临时增加理由", 1000));
        String county = organisers.placeOf(INITIATOR.find(execution).orElse(null),
                List.of(AnnualPlanProcess.TASK_SELECT_KEY_TOPICS, TemporaryTopicProcess.TASK_DRAFT),
                List.of(PlaceLevel.COUNTY), "临时增加议题由县政协办公室或政协专委会提出");
        TemporaryTopic temporary = temporaryTopics.propose(proposal, county, INITIATOR.get(execution));
        form.discard();
        execution.setProcessBusinessKey(temporaryTopics.topicOf(temporary).number());
        TEMPORARY_TOPIC_ID.set(execution, temporary.id());
        PLACE_CODE.set(execution, county);
    }
}
