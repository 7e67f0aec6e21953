package cn.cppcc.consult.transfer;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/** A result item named in the minutes, with the mechanisms chosen to carry it. */
public record ResultItem(
        Long id,
        Long consultationId,
        int seq,
        String content,
        String department,
        LocalDate dueOn,
        boolean assignment,
        boolean escalation,
        boolean inquiry,
        boolean feedback) {

    public Set<Mechanism> mechanisms() {
        Set<Mechanism> set = EnumSet.noneOf(Mechanism.class);
        if (assignment) {
            set.add(Mechanism.ASSIGNMENT);
        }
        if (escalation) {
            set.add(Mechanism.ESCALATION);
        }
        if (inquiry) {
            set.add(Mechanism.INQUIRY);
        }
        if (feedback) {
            set.add(Mechanism.FEEDBACK);
        }
        return set;
    }

    public boolean uses(Mechanism mechanism) {
        return mechanisms().contains(mechanism);
    }
}
