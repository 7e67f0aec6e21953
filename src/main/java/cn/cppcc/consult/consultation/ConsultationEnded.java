package cn.cppcc.consult.consultation;

/**
 * Published (as a Spring event, in the closing transaction) when a consultation ends: closed after
 * its results were carried through, or its topic rejected by the party organisation.
 */
public record ConsultationEnded(long consultationId, long topicId, Stage stage) {
}
