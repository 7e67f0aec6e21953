package cn.cppcc.consult.consultation;

/**
 * A participant (协商主体); {@code userId} is set when the person has an account, {@code talentId} when
 * they were drawn from the talent pool (人才库).
 */
public record Participant(
        Long id,
        Long consultationId,
        String name,
        ParticipantCategory category,
        String organisation,
        String userId,
        Boolean attended,
        Long talentId) {

    /** A participant entered by hand, not from the talent pool. */
    public Participant(Long id, Long consultationId, String name, ParticipantCategory category, String organisation,
            String userId, Boolean attended) {
        this(id, consultationId, name, category, organisation, userId, attended, null);
    }
}
