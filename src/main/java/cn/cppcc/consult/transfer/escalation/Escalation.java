package cn.cppcc.consult.transfer.escalation;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import cn.cppcc.consult.transfer.Adoption;

/** A member proposal or public-opinion report carrying one result item upward, until it is answered. */
public record Escalation(
        Long id,
        Long resultItemId,
        EscalationKind kind,
        String title,
        String content,
        int round,
        EscalationStatus status,
        String draftedBy,
        OffsetDateTime draftedAt,
        String reviewComment,
        String reviewedBy,
        OffsetDateTime reviewedAt,
        String registrationNumber,
        String submittedTo,
        String handlingUnit,
        String registeredBy,
        OffsetDateTime registeredAt,
        int chases,
        String answer,
        Adoption adoption,
        LocalDate answeredOn,
        String answerRecordedBy,
        OffsetDateTime answerRecordedAt) {

    /** 委员提案（县政协提案第12号） */
    public String title(boolean withNumber) {
        return kind.label() + (withNumber && registrationNumber != null ? "（" + registrationNumber + "）" : "");
    }
}
