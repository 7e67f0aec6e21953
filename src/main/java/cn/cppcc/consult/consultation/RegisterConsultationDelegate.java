package cn.cppcc.consult.consultation;

import static cn.cppcc.consult.consultation.ConsultationProcess.CONSULTATION_ID;
import static cn.cppcc.consult.consultation.ConsultationProcess.INITIATOR;
import static cn.cppcc.consult.consultation.ConsultationProcess.PLACE_CODE;
import static cn.cppcc.consult.consultation.ConsultationProcess.TOPIC_APPROVED;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.consultation.ConsultationService.NewTopic;
import cn.cppcc.consult.organisation.OrganisationService;
import cn.cppcc.consult.organisation.TaskRouting;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.topic.TopicSource;

/**
 * 登记协商议题. A consultation started from the start form registers the topic at the place where the
 * initiator organises consultations; one started for an existing record (variable
 * {@code consultationId}, see {@link ConsultationLauncher}) is linked to it. Either way the business
 * key becomes the consultation's number, and a topic already approved in a plan skips approval.
 */
@Component
public class RegisterConsultationDelegate implements JavaDelegate {

    private final ConsultationService consultations;
    private final OrganisationService organisation;
    private final TaskRouting routing;

    RegisterConsultationDelegate(ConsultationService consultations, OrganisationService organisation,
            TaskRouting routing) {
        this.consultations = consultations;
        this.organisation = organisation;
        this.routing = routing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Consultation consultation = CONSULTATION_ID.find(execution)
                .map(consultations::get)
                .orElseGet(() -> registerFromStartForm(execution));
        consultations.attachProcess(consultation.id(), execution.getProcessInstanceId());
        execution.setProcessBusinessKey(consultation.number());
        CONSULTATION_ID.set(execution, consultation.id());
        PLACE_CODE.set(execution, consultation.placeCode());
        TOPIC_APPROVED.set(execution, consultation.stage() != Stage.TOPIC_APPROVAL);
    }

    private Consultation registerFromStartForm(DelegateExecution execution) {
        FormValues form = FormValues.of(execution);
        NewTopic topic = new NewTopic(
                form.text("title", "议题名称", 200),
                form.text("description", "议题内容", 4000),
                form.choice("source", "议题来源", TopicSource.class));
        String initiator = INITIATOR.find(execution)
                .orElseThrow(() -> FormValues.invalid("initiator", "请登录后发起协商"));
        Consultation consultation = consultations.register(topic, organisingPlaceOf(initiator), initiator, false);
        form.discard();
        return consultation;
    }

    /** The one place where the user is in the group that drafts consultation plans. */
    private String organisingPlaceOf(String userId) {
        List<String> places = organisation.rolesOf(userId).stream()
                .map(placeRole -> placeRole.place().code())
                .distinct()
                .filter(place -> organisation.isMember(userId,
                        routing.groupFor(ConsultationProcess.TASK_DRAFT_PLAN, place)))
                .toList();
        if (places.isEmpty()) {
            throw FormValues.invalid("initiator", "只有政协办、乡镇政协联络组或村（居）委会的工作人员可以发起协商");
        }
        if (places.size() > 1) {
            throw FormValues.invalid("initiator", "您在多个地点负责组织协商，请使用所在地点的账号发起");
        }
        return places.get(0);
    }
}
