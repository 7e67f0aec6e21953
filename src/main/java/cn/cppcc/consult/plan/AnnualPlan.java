package cn.cppcc.consult.plan;

import java.time.OffsetDateTime;

/** 年度协商计划 of a county (政协协商) or a township (基层协商); business key of its process = {@code number}. */
public record AnnualPlan(
        Long id,
        String number,
        String placeCode,
        int planYear,
        String title,
        PlanStatus status,
        String documentNumber,
        String processInstanceId,
        String createdBy,
        OffsetDateTime createdAt,
        OffsetDateTime issuedAt,
        OffsetDateTime updatedAt) {
}
