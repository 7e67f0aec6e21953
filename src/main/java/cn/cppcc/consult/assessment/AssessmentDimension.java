package cn.cppcc.consult.assessment;

import java.math.BigDecimal;

/**
 * The six dimensions townships are scored on (量化打分), 100 points in all. Four are computed from the
 * platform's records; 组织领导 and 创新亮点特色 are scored by the county's assessors.
 */
public enum AssessmentDimension {
    LEADERSHIP("组织领导", 15, false),
    TALENT_POOL("人才库建设", 15, true),
    VENUES("平台阵地建设", 15, true),
    MECHANISMS("工作机制运行", 25, true),
    ACTIVITIES("协商活动开展", 20, true),
    INNOVATION("创新亮点特色", 10, false);

    private final String label;
    private final BigDecimal maxPoints;
    private final boolean computed;

    AssessmentDimension(String label, int maxPoints, boolean computed) {
        this.label = label;
        this.maxPoints = BigDecimal.valueOf(maxPoints);
        this.computed = computed;
    }

    public String label() {
        return label;
    }

    public BigDecimal maxPoints() {
        return maxPoints;
    }

    public boolean computed() {
        return computed;
    }
}
