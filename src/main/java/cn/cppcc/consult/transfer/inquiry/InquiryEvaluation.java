package cn.cppcc.consult.transfer.inquiry;

import java.time.OffsetDateTime;

import cn.cppcc.consult.transfer.Satisfaction;

/** 民主评议 of a round: the rating, the votes if counted, and why. */
public record InquiryEvaluation(
        Long id,
        Long inquiryId,
        int round,
        Satisfaction rating,
        Integer satisfiedVotes,
        Integer basicVotes,
        Integer unsatisfiedVotes,
        String comment,
        String evaluatedBy,
        OffsetDateTime evaluatedAt) {

    public String line() {
        String votes = satisfiedVotes == null ? ""
                : "（满意" + satisfiedVotes + "票、基本满意" + basicVotes + "票、不满意" + unsatisfiedVotes + "票）";
        return "第" + round + "轮民主评议：" + rating.label() + votes + (comment == null ? "" : "。" + comment);
    }
}
