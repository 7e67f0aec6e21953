package cn.cppcc.consult.assessment;

import java.time.OffsetDateTime;

/** One county's township assessment of one year. */
public record Assessment(Long id, String placeCode, int assessedYear, Status status, String processInstanceId,
        String startedBy, OffsetDateTime startedAt, OffsetDateTime publishedAt) {

    public enum Status {
        /** the assessors are scoring (评分中) */
        SCORING("评分中"),
        /** every township scored, ranking published (已发布) */
        PUBLISHED("已发布");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
