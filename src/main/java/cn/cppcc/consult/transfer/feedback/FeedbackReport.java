package cn.cppcc.consult.transfer.feedback;

import java.time.OffsetDateTime;

import cn.cppcc.consult.transfer.Adoption;

/** What the studio told the resident members and the citizens of the topic about an item. */
public record FeedbackReport(
        Long id,
        Long resultItemId,
        int seq,
        boolean isFinal,
        Adoption adoption,
        String content,
        String reportedBy,
        OffsetDateTime reportedAt,
        OffsetDateTime sentAt,
        Integer memberCount,
        Integer citizenCount) {

    public String kindLabel() {
        return isFinal ? "办结反馈" : "阶段反馈";
    }
}
