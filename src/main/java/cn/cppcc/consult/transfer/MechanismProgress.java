package cn.cppcc.consult.transfer;

/**
 * Where an item stands in one mechanism, as its own records tell: each mechanism answers for itself,
 * and forms, the supervisors' page and the public results window show the same words.
 */
public interface MechanismProgress {

    Mechanism mechanism();

    /** One line, free of personal data (departments and numbers, never people); empty if nothing happened yet. */
    String stateOf(ResultItem item);

    /** Past a deadline and not finished. */
    default boolean overdue(ResultItem item) {
        return false;
    }
}
