package cn.cppcc.consult.intake;

import static cn.cppcc.consult.intake.TopicIntakeProcess.INITIATOR;
import static cn.cppcc.consult.intake.TopicIntakeProcess.PLACE_CODE;
import static cn.cppcc.consult.intake.TopicIntakeProcess.TOPIC_ID;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.intake.IntakeService.StaffTopic;
import cn.cppcc.consult.organisation.OrganisationService;
import cn.cppcc.consult.organisation.PlaceLevel;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.topic.Topic;
import cn.cppcc.consult.topic.TopicSource;

/**
 * 登记议题. Staff submit the start form in Tasklist (party and government, members, participating
 * units, offline collection): the topic is registered at the place where they work. A citizen's
 * online topic is already registered (variable {@code topicId}) and is only linked. Either way the
 * business key becomes the topic's number.
 */
@Component
public class RegisterTopicDelegate implements JavaDelegate {

    private static final List<TopicSource> NEEDS_PROPOSER =
            List.of(TopicSource.PARTY_GOVERNMENT, TopicSource.MEMBER, TopicSource.PARTICIPATING_UNIT);

    private final IntakeService intake;
    private final OrganisationService organisation;

    RegisterTopicDelegate(IntakeService intake, OrganisationService organisation) {
        this.intake = intake;
        this.organisation = organisation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Topic topic = TOPIC_ID.find(execution).map(intake::topic).orElseGet(() -> registerFromStartForm(execution));
        execution.setProcessBusinessKey(topic.number());
        TOPIC_ID.set(execution, topic.id());
        PLACE_CODE.set(execution, topic.placeCode());
    }

    private Topic registerFromStartForm(DelegateExecution execution) {
        FormValues form = FormValues.of(execution);
        String title = form.text("title", "议题名称", 100);
        String description = form.text("description", "议题内容", 4000);
        TopicSource source = form.choice("source", "议题来源", TopicSource.class);
        PlaceLevel sourceLevel = form.choice("sourceLevel", "来源层级", PlaceLevel.class);
        if (sourceLevel == PlaceLevel.INSTITUTION) {
            throw FormValues.invalid("sourceLevel", "来源层级应为省、市、县、乡镇（街道）或村（社区）");
        }
        String proposer = form.optionalText("proposer", "提出单位或委员", 100);
        if (proposer == null && NEEDS_PROPOSER.contains(source)) {
            throw FormValues.invalid("proposer", source.label() + "须填写提出单位或委员");
        }
        Integer affected = affectedCount(form.optionalText("affectedCount", "涉及群众人数", 9));
        String initiator = INITIATOR.find(execution)
                .orElseThrow(() -> FormValues.invalid("initiator", "请登录后登记议题"));
        Topic topic = intake.registerStaffTopic(new StaffTopic(title, description, source, sourceLevel, proposer,
                affected), placeOf(initiator), initiator);
        form.discard();
        return topic;
    }

    private static Integer affectedCount(String text) {
        if (text == null) {
            return null;
        }
        try {
            double value = Double.parseDouble(text);
            if (value >= 1 && value <= OnlineSubmission.AFFECTED_MAX && value == Math.rint(value)) {
                return (int) value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw FormValues.invalid("affectedCount", "涉及群众人数应为1至" + OnlineSubmission.AFFECTED_MAX + "之间的整数");
    }

    /** The one place where the user works: topics are registered there. */
    private String placeOf(String userId) {
        List<String> places = organisation.rolesOf(userId).stream()
                .map(placeRole -> placeRole.place().code())
                .distinct()
                .toList();
        if (places.isEmpty()) {
            throw FormValues.invalid("initiator", "只有在县、乡镇（街道）或村（社区）任职的工作人员可以登记议题");
        }
        if (places.size() > 1) {
            throw FormValues.invalid("initiator", "您在多个地点任职，请使用议题所在地点的账号登记");
        }
        return places.get(0);
    }
}
