package cn.cppcc.consult.consultation;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.process.EngineClock;
import cn.cppcc.consult.process.FormValues;

/**
 * The consultation itself, shaped by its form: a meeting, written opinions or an online
 * consultation (whose opinions people post themselves, see {@code participation.OnlineOpinions}).
 */
@Service
@Transactional
public class DeliberationService {

    private final ConsultationService consultations;
    private final ParticipantRepository participants;
    private final OpinionRepository opinions;
    private final ResearchService research;

    DeliberationService(ConsultationService consultations, ParticipantRepository participants,
            OpinionRepository opinions, ResearchService research) {
        this.consultations = consultations;
        this.participants = participants;
        this.opinions = opinions;
        this.research = research;
    }

    public record GivenOpinion(Long participantId, String content) {
    }

    public record Response(String department, String content) {
    }

    /** 协商议事会: who attended, what each said, how departments answered on the spot, and the outcome. */
    public void recordMeeting(long consultationId, Collection<Long> present, List<GivenOpinion> given,
            List<Response> responses, Outcome outcome, String summary, String actor) {
        requireAcceptedResearch(consultationId);
        Set<Long> known = participants.findAll(consultationId).stream().map(Participant::id)
                .collect(Collectors.toSet());
        if (present.isEmpty()) {
            throw FormValues.invalid("attendance", "请勾选出席人员");
        }
        if (!known.containsAll(present)) {
            throw FormValues.invalid("attendance", "出席人员须来自经党组织认可的参与人员名单");
        }
        participants.markAttendance(consultationId, present);
        OffsetDateTime now = EngineClock.now();
        for (GivenOpinion opinion : given) {
            if (!present.contains(opinion.participantId())) {
                throw FormValues.invalid("opinions", "发言人须是出席人员");
            }
            Participant speaker = participants.find(opinion.participantId()).orElseThrow();
            opinions.insert(consultationId, speaker.id(), speaker.name(), ConsultationForm.MEETING,
                    opinion.content(), actor, now);
        }
        for (Response response : responses) {
            opinions.insertResponse(consultationId, response.department(), response.content());
        }
        consultations.conclude(consultationId, outcome, summary, actor);
    }

    /** One participant's written opinion (书面协商). */
    public void submitWrittenOpinion(long consultationId, long participantId, String content, String actor) {
        Participant participant = participants.find(participantId)
                .filter(p -> p.consultationId() == consultationId)
                .orElseThrow(() -> new IllegalArgumentException("参与人员不属于本次协商：" + participantId));
        opinions.insert(consultationId, participantId, participant.name(), ConsultationForm.WRITTEN, content, actor,
                EngineClock.now());
        consultations.record(consultationId, Stage.CONSULTING, "提交书面意见", actor, participant.name());
    }

    /** Written or online opinions summed up into the outcome. */
    public void summarise(long consultationId, Outcome outcome, String summary, String actor) {
        requireAcceptedResearch(consultationId);
        consultations.conclude(consultationId, outcome, summary, actor);
    }

    @Transactional(readOnly = true)
    public List<Opinion> opinions(long consultationId) {
        return opinions.findAll(consultationId);
    }

    @Transactional(readOnly = true)
    public List<DepartmentResponse> responses(long consultationId) {
        return opinions.findResponses(consultationId);
    }

    private void requireAcceptedResearch(long consultationId) {
        if (!research.hasAcceptedReport(consultationId)) {
            throw new IllegalStateException("不调研不协商：调研报告尚未通过，不能召开协商会议");
        }
    }
}
