package cn.cppcc.consult.supervision;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import cn.cppcc.consult.consultation.ConsultationKind;
import cn.cppcc.consult.consultation.Stage;
import cn.cppcc.consult.organisation.PlaceLevel;

/**
 * One running consultation as a supervisor sees it: where it is, in which stage since when, how long
 * past the stage's limit, who holds it, which transfer items are past their deadline, and whether the
 * engine reports a failure (an incident).
 */
public record StalledConsultation(
        long consultationId,
        String number,
        String title,
        String placeCode,
        String placeName,
        String placePath,
        PlaceLevel level,
        ConsultationKind kind,
        Stage stage,
        String stageName,
        boolean emergency,
        OffsetDateTime stageEnteredAt,
        OffsetDateTime stageDueAt,
        long daysInStage,
        long daysOverdue,
        boolean overdue,
        List<Holder> holders,
        List<OverdueItem> overdueItems,
        List<String> incidents,
        String processInstanceId,
        String cockpitUrl) {

    /** A task open for the consultation (its own or a transfer mechanism's) and who holds it. */
    public record Holder(String taskId, String taskKey, String taskName, String assignee, String assigneeName,
            List<String> candidateGroups, List<String> candidateNames, OffsetDateTime createdAt) {

        /** The names people know: the assignee, else the groups and users it is offered to. */
        public String who() {
            if (assignee != null) {
                return assigneeName;
            }
            return candidateNames.isEmpty() ? "（无人认领）" : String.join("、", candidateNames);
        }
    }

    /** A result item past its deadline with the mechanisms that have not finished it. */
    public record OverdueItem(long resultItemId, int seq, String content, String department, LocalDate dueOn,
            long daysOverdue, List<String> pendingMechanisms) {
    }

    /** Who holds it, in one line: 党组织审定议题：云岭镇党委 */
    public String holdersText() {
        if (holders.isEmpty()) {
            return incidents.isEmpty() ? "（系统自动推进中，无待办任务）" : "（流程异常，待管理员处理）";
        }
        return String.join("；", holders.stream().map(h -> h.taskName() + "：" + h.who()).distinct().toList());
    }
}
