package cn.cppcc.consult.participation;

import java.time.OffsetDateTime;

/** One entry of an online opinion's history: posted, edited (with the text before), hidden or restored (with why). */
public record OpinionEvent(
        Long id,
        Long opinionId,
        Action action,
        String content,
        String reason,
        String actor,
        OffsetDateTime occurredAt) {

    public enum Action {
        POSTED("发表"),
        EDITED("修改"),
        HIDDEN("屏蔽"),
        RESTORED("恢复显示");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
