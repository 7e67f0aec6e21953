package cn.cppcc.consult.consultation;

import java.time.LocalDate;

public record ResearchActivity(Long id, Long researchReportId, ResearchKind kind, LocalDate heldOn, String summary) {
}
