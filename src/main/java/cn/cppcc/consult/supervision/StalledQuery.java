package cn.cppcc.consult.supervision;

import java.util.List;

import cn.cppcc.consult.consultation.Stage;
import cn.cppcc.consult.organisation.PlaceLevel;

/**
 * The stalled view's filters: a place (its subtree), stages, the level of the consultation's place,
 * how long it has been overdue or in its stage (whole days), only what is overdue (the stage or a
 * transfer item); and the order and page.
 *
 * @param placeCode      the subtree to look at; null: every place the user may look at
 * @param stages         empty: every stage
 * @param minDaysOverdue at least this many days past the stage's limit
 * @param minDaysInStage at least this many days in the current stage
 * @param overdueOnly    only consultations past their stage's limit or with a transfer item past its deadline
 * @param search         a consultation number, or words of the topic's title
 */
public record StalledQuery(String placeCode, List<Stage> stages, PlaceLevel level, Integer minDaysOverdue,
        Integer minDaysInStage, boolean overdueOnly, String search, Sort sort, boolean descending, int page,
        int size) {

    public static final int MAX_PAGE_SIZE = 200;

    /** What the view can be sorted by. */
    public enum Sort {
        /** most overdue first (ascending deadline) */
        OVERDUE("c.stage_due_at"),
        /** longest in its stage first (ascending entry) */
        IN_STAGE("c.stage_entered_at"),
        NUMBER("c.number"),
        PLACE("c.place_code");

        private final String column;

        Sort(String column) {
            this.column = column;
        }

        String column() {
            return column;
        }
    }

    public StalledQuery {
        stages = stages == null ? List.of() : List.copyOf(stages);
        sort = sort == null ? Sort.OVERDUE : sort;
        search = search == null || search.isBlank() ? null : search.strip();
        if (search != null && search.length() > 100) {
            throw new IllegalArgumentException("搜索内容不能超过100个字");
        }
        if (page < 0) {
            throw new IllegalArgumentException("页码不能为负数");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("每页条数须在1到" + MAX_PAGE_SIZE + "之间");
        }
        if (minDaysOverdue != null && minDaysOverdue < 0 || minDaysInStage != null && minDaysInStage < 0) {
            throw new IllegalArgumentException("天数不能为负数");
        }
    }

    /** Everything the user may look at, most overdue first. */
    public static StalledQuery all() {
        return new StalledQuery(null, List.of(), null, null, null, false, null, Sort.OVERDUE, false, 0, 50);
    }

    public StalledQuery withPlace(String code) {
        return new StalledQuery(code, stages, level, minDaysOverdue, minDaysInStage, overdueOnly, search, sort,
                descending, page, size);
    }

    public StalledQuery onlyOverdue() {
        return new StalledQuery(placeCode, stages, level, minDaysOverdue, minDaysInStage, true, search, sort,
                descending, page, size);
    }
}
