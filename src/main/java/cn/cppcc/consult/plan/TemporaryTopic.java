package cn.cppcc.consult.plan;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import cn.cppcc.consult.consultation.ConsultationForm;

/**
 * 临时增加议题: a topic added to the county's plan in the year, with the special committee's
 * consultation plan (协商议事方案). {@code fromCandidate}: the topic was an accepted candidate before.
 */
public record TemporaryTopic(
        Long id,
        Long topicId,
        String reason,
        ConsultationForm consultationForm,
        LocalDate plannedOn,
        String participantsScope,
        String researchPlan,
        boolean fromCandidate,
        String createdBy,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
