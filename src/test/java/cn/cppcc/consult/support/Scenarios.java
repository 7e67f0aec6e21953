package cn.cppcc.consult.support;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.consultation.Consultation;
import cn.cppcc.consult.consultation.ConsultationForm;
import cn.cppcc.consult.consultation.ConsultationProcess;
import cn.cppcc.consult.consultation.ConsultationService;
import cn.cppcc.consult.consultation.ConsultationService.NewTopic;
import cn.cppcc.consult.consultation.ConsultationService.Plan;
import cn.cppcc.consult.consultation.MinutesService;
import cn.cppcc.consult.consultation.MinutesService.ItemDraft;
import cn.cppcc.consult.consultation.Outcome;
import cn.cppcc.consult.consultation.Participant;
import cn.cppcc.consult.consultation.ParticipantCategory;
import cn.cppcc.consult.consultation.ResearchKind;
import cn.cppcc.consult.consultation.ResearchService;
import cn.cppcc.consult.consultation.ResearchService.Activity;
import cn.cppcc.consult.consultation.TopicDecision;
import cn.cppcc.consult.demo.DemoData;
import cn.cppcc.consult.organisation.Role;
import cn.cppcc.consult.process.EngineClock;
import cn.cppcc.consult.topic.TopicSource;
import cn.cppcc.consult.transfer.Mechanism;

/**
 * Builds a consultation's records up to a stage through the services, then starts its process
 * right before the activity a test is about ({@code startBeforeActivity}), so each detour is tested
 * where it begins without replaying the whole pipeline.
 */
@Component
public class Scenarios {

    private final ConsultationService consultations;
    private final ResearchService research;
    private final MinutesService minutes;
    private final RuntimeService runtimeService;

    Scenarios(ConsultationService consultations, ResearchService research, MinutesService minutes,
            RuntimeService runtimeService) {
        this.consultations = consultations;
        this.research = research;
        this.minutes = minutes;
        this.runtimeService = runtimeService;
    }

    public Scenario at(Places place) {
        return at(place.code(), place.organiser(), "测试议题：" + place.label(), false);
    }

    /** A consultation at any place (e.g. a test's own township), organised by {@code organiser}. */
    public Scenario at(String placeCode, String organiser, String title, boolean emergency) {
        Consultation c = consultations.register(new NewTopic(title, "测试用的议题内容", TopicSource.MEMBER), placeCode,
                organiser, emergency);
        return new Scenario(new At(placeCode, organiser), c);
    }

    /** Where a scenario happens and who acts there: {@code <place>.<role>}, as the demo names its accounts. */
    private record At(String code, String organiser) {

        String user(Role role) {
            return DemoData.userId(code, role);
        }

        String countyUser(Role role) {
            return DemoData.userId(DemoData.COUNTY, role);
        }
    }

    public final class Scenario {

        private final At place;
        private final Consultation consultation;
        private final Map<String, Object> flags = new HashMap<>();

        Scenario(At place, Consultation consultation) {
            this.place = place;
            this.consultation = consultation;
        }

        public long id() {
            return consultation.id();
        }

        public String number() {
            return consultation.number();
        }

        public Scenario approved() {
            consultations.decideTopic(id(), TopicDecision.APPROVE, null, place.user(Role.PARTY));
            return this;
        }

        public Scenario planned(ConsultationForm form, boolean sensitive) {
            consultations.plan(id(), new Plan(form, "主持人", "议事室", EngineClock.now().plusDays(7),
                    form == ConsultationForm.ONLINE ? EngineClock.now().plusDays(3) : null, sensitive),
                    place.organiser());
            flags.put(ConsultationProcess.CONSULTATION_FORM.name(), form.name());
            flags.put(ConsultationProcess.SENSITIVE.name(), sensitive);
            return this;
        }

        /** A member with an account, a citizen without one, and a stakeholder with the member account too. */
        public Scenario withParticipants() {
            consultations.setParticipants(id(), List.of(
                    new Participant(null, id(), "王委员", ParticipantCategory.MEMBER, "县政协委员",
                            place.countyUser(Role.MEMBER), null),
                    new Participant(null, id(), "李群众", ParticipantCategory.CITIZEN, "村民代表", null, null)),
                    place.organiser());
            consultations.approveParticipants(id(), true, null, place.user(Role.PARTY));
            return this;
        }

        public Scenario researched(boolean accepted) {
            research.submit(id(), List.of(new Activity(ResearchKind.FORUM, EngineClock.now().toLocalDate(), "座谈")), "调研报告",
                    place.organiser());
            research.review(id(), accepted, accepted ? null : "补充调研", place.user(Role.HOST));
            return this;
        }

        public Scenario consulted() {
            consultations.conclude(id(), Outcome.CONSENSUS, "达成共识", place.organiser());
            return this;
        }

        /** Minutes naming one item per mechanism set given, reviewed and filed. */
        @SafeVarargs
        public final Scenario minutesFiled(EnumSet<Mechanism>... items) {
            minutes.draft(id(), "纪要", java.util.Arrays.stream(items)
                    .map(m -> new ItemDraft("事项", m, "县交通局", EngineClock.now().toLocalDate().plusDays(30)))
                    .toList(), place.organiser());
            minutes.review(id(), true, null, place.user(Role.HOST));
            minutes.markSent(id());
            minutes.file(id(), "备-001", place.countyUser(Role.LIAISON_COMMITTEE));
            return this;
        }

        /** Starts the process before {@code activityId} and returns the record as it then stands. */
        public Consultation startBeforeAndGet(String activityId) {
            startBefore(activityId);
            return consultations.get(id());
        }

        public ProcessInstance startBefore(String activityId) {
            Map<String, Object> variables = new HashMap<>(flags);
            variables.put(ConsultationProcess.CONSULTATION_ID.name(), id());
            variables.put(ConsultationProcess.PLACE_CODE.name(), place.code());
            variables.put(ConsultationProcess.INITIATOR.name(), place.organiser());
            ProcessInstance pi = runtimeService.createProcessInstanceByKey(ConsultationProcess.KEY)
                    .businessKey(number())
                    .setVariables(variables)
                    .startBeforeActivity(activityId)
                    .execute();
            consultations.attachProcess(id(), pi.getId());
            return pi;
        }
    }
}
