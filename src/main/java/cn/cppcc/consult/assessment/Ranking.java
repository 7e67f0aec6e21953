package cn.cppcc.consult.assessment;

import java.math.BigDecimal;
import java.util.List;

/** The county-wide ranking of a year's township assessment (全县拉通排名). */
public record Ranking(long assessmentId, String countyCode, String countyName, int year, String status,
        String statusLabel, List<Row> rows) {

    /** A township's rank, total and score on each dimension; {@code complete} once every dimension is scored. */
    public record Row(int rank, String townshipCode, String townshipName, BigDecimal total, boolean complete,
            List<Cell> cells) {
    }

    /** One dimension: points (null until scored), out of how many, computed or by whom, and on what basis. */
    public record Cell(String dimension, String label, BigDecimal maxPoints, boolean computed, BigDecimal points,
            String basis, String scoredBy) {
    }
}
