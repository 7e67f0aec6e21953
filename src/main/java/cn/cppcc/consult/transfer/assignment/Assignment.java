package cn.cppcc.consult.transfer.assignment;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** 交办 of one result item: who assigned it and how, and the county path if it was taken. */
public record Assignment(
        Long id,
        Long resultItemId,
        AssignmentRoute route,
        String requirements,
        String countyRequest,
        String countyRequestedBy,
        OffsetDateTime countyRequestedAt,
        Boolean countyProposed,
        String countyProposal,
        String countyProposedBy,
        OffsetDateTime countyProposedAt,
        String countyInstruction,
        LocalDate countyDeadline,
        String countyInstructedBy,
        OffsetDateTime countyInstructedAt,
        String assignedBy,
        OffsetDateTime assignedAt,
        OffsetDateTime finishedAt) {

    public boolean countyInstructed() {
        return countyInstruction != null;
    }
}
