package cn.cppcc.consult.transfer.inquiry;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One inspection, visit or questionnaire of a round, with what it found. */
public record InquiryActivity(
        Long id,
        Long inquiryId,
        int round,
        InquiryMethod method,
        LocalDate heldOn,
        String findings,
        Integer respondents,
        Integer satisfiedRespondents,
        String recordedBy,
        OffsetDateTime recordedAt) {

    public String line() {
        return heldOn + " " + method.label() + "：" + findings
                + (respondents == null ? "" : "（问卷" + respondents + "份，满意" + satisfiedRespondents + "份）");
    }
}
