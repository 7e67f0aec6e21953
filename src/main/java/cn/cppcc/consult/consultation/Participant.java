package cn.cppcc.consult.consultation;

/** A participant (协商主体); {@code userId} is set when the person has an account. */
public record Participant(
        Long id,
        Long consultationId,
        String name,
        ParticipantCategory category,
        String organisation,
        String userId,
        Boolean attended) {
}
