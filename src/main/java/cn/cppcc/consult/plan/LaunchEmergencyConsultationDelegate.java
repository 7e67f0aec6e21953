package cn.cppcc.consult.plan;

import static cn.cppcc.consult.plan.EmergencyTopicProcess.CONSULTATION_ID;
import static cn.cppcc.consult.plan.EmergencyTopicProcess.INITIATOR;
import static cn.cppcc.consult.plan.EmergencyTopicProcess.PLACE_CODE;
import static cn.cppcc.consult.plan.EmergencyTopicProcess.TOPIC_ID;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.consultation.Consultation;
import cn.cppcc.consult.consultation.ConsultationProcess;
import cn.cppcc.consult.organisation.PlaceLevel;
import cn.cppcc.consult.plan.EmergencyService.Report;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.topic.TopicSource;

/** 立即启动应急协商: where the reporter organises consultations, flagged as an emergency. */
@Component
public class LaunchEmergencyConsultationDelegate implements JavaDelegate {

    private final EmergencyService emergencies;
    private final Organisers organisers;

    LaunchEmergencyConsultationDelegate(EmergencyService emergencies, Organisers organisers) {
        this.emergencies = emergencies;
        this.organisers = organisers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FormValues form = FormValues.of(execution);
        Report report = new Report(form.text("title", "议题名称", 100), form.text("description", "议题内容", 4000),
                form.choice("source", "议题来源", TopicSource.class), form.text("urgency", "应急事由", 1000));
        String place = organisers.placeOf(INITIATOR.find(execution).orElse(null), ConsultationProcess.TASK_DRAFT_PLAN,
                List.of(PlaceLevel.COUNTY, PlaceLevel.TOWNSHIP, PlaceLevel.VILLAGE),
                "应急协商由县政协办公室、乡镇政协联络组或村（居）委会发起");
        Consultation consultation = emergencies.launch(report, place, INITIATOR.get(execution));
        form.discard();
        execution.setProcessBusinessKey(consultation.number());
        TOPIC_ID.set(execution, consultation.topicId());
        CONSULTATION_ID.set(execution, consultation.id());
        PLACE_CODE.set(execution, place);
    }
}
