package cn.cppcc.consult.transfer.assignment;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import cn.cppcc.consult.transfer.TransferTexts;

/** One responsible department of an assignment (主办 or 协办), its deadline and progress. */
public record AssignmentUnit(
        Long id,
        Long assignmentId,
        int seq,
        String department,
        boolean isLead,
        String userId,
        LocalDate dueOn,
        UnitStatus status,
        int progress,
        OffsetDateTime lastReportedAt,
        OffsetDateTime remindedAt,
        int overdueNotices,
        OffsetDateTime completedAt) {

    /** 县交通局（主办） */
    public String title() {
        return department + (isLead ? "（主办）" : "（协办）");
    }

    public boolean overdueAt(OffsetDateTime now) {
        return status != UnitStatus.DONE && !now.toInstant().isBefore(TransferTexts.endOf(dueOn).toInstant());
    }

    public boolean finishedLate() {
        return completedAt != null && !completedAt.toInstant().isBefore(TransferTexts.endOf(dueOn).toInstant());
    }
}
