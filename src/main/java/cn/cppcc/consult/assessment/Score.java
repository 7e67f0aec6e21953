package cn.cppcc.consult.assessment;

import java.math.BigDecimal;

/** A township's points on one dimension and what they rest on; {@code scoredBy} null when computed. */
public record Score(String townshipCode, AssessmentDimension dimension, BigDecimal points, String basis,
        String scoredBy) {
}
