package cn.cppcc.consult.consultation;

import static cn.cppcc.consult.consultation.ConsultationProcess.CONSULTATION_ID;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.process.CurrentUser;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.talent.Talent;
import cn.cppcc.consult.talent.TalentCategory;
import cn.cppcc.consult.talent.TalentService;

/**
 * 确定协商主体: the participants list, drawn up by the stakeholder principle, from people entered by
 * hand and people picked from the talent pool (人才库) of the place, the places above it and below it.
 */
@Component
public class DraftParticipantsListener implements TaskListener {

    private final ConsultationService consultations;
    private final TalentService talents;

    DraftParticipantsListener(ConsultationService consultations, TalentService talents) {
        this.consultations = consultations;
        this.talents = talents;
    }

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        long consultationId = CONSULTATION_ID.get(task);
        List<Participant> participants = new ArrayList<>(form.rows("participants", "参与人员").stream()
                .map(row -> new Participant(null, consultationId,
                        row.text("name", "姓名", 100),
                        row.choice("category", "类别", ParticipantCategory.class),
                        row.optionalText("organisation", "单位或身份", 200),
                        row.optionalText("userId", "平台账号", 64),
                        null))
                .toList());
        Set<String> offered = talents.optionsFor(consultations.get(consultationId).placeCode()).stream()
                .map(TalentService.Option::value).collect(Collectors.toSet());
        for (Long talentId : new LinkedHashSet<>(form.ids("talentIds", "从人才库选择的人员"))) {
            if (!offered.contains(String.valueOf(talentId))) {
                throw FormValues.invalid("talentIds", "所选人员不在本地人才库中");
            }
            Talent talent = talents.get(talentId);
            if (participants.stream().anyMatch(p -> p.name().equals(talent.name()))) {
                throw FormValues.invalid("talentIds", "参与人员“" + talent.name() + "”重复：已从人才库选择，请删除手工填写的一项");
            }
            participants.add(new Participant(null, consultationId, talent.name(), participantCategory(talent.category()),
                    talent.organisation() == null ? talent.category().label() : talent.organisation(), talent.userId(),
                    null, talent.id()));
        }
        consultations.setParticipants(consultationId, participants, CurrentUser.of(task));
        form.discard();
    }

    /** Resident members take part as members, experts as experts, everyone else from the pool as the public. */
    static ParticipantCategory participantCategory(TalentCategory category) {
        return switch (category) {
            case RESIDENT_MEMBER -> ParticipantCategory.MEMBER;
            case EXPERT -> ParticipantCategory.EXPERT;
            case VETERAN_CADRE, XIANGXIAN, PUBLIC_REPRESENTATIVE -> ParticipantCategory.CITIZEN;
        };
    }
}
