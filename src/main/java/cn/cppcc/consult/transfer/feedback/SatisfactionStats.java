package cn.cppcc.consult.transfer.feedback;

import java.util.Locale;

/** Citizens' ratings of one item or many: invited, rated, and how. */
public record SatisfactionStats(int invited, int rated, int satisfied, int basic, int unsatisfied) {

    public static final SatisfactionStats NONE = new SatisfactionStats(0, 0, 0, 0, 0);

    public SatisfactionStats plus(SatisfactionStats other) {
        return new SatisfactionStats(invited + other.invited, rated + other.rated, satisfied + other.satisfied,
                basic + other.basic, unsatisfied + other.unsatisfied);
    }

    /** (满意 + 基本满意) / rated, in percent; null before anyone rated. */
    public Double satisfactionRate() {
        return rated == 0 ? null : Math.round(1000.0 * (satisfied + basic) / rated) / 10.0;
    }

    public String text() {
        if (invited == 0) {
            return "";
        }
        String s = "群众评价" + rated + "/" + invited + "人";
        if (rated > 0) {
            s += "：满意" + satisfied + "、基本满意" + basic + "、不满意" + unsatisfied + "，满意率"
                    + String.format(Locale.ROOT, "%.1f", satisfactionRate()) + "%";
        }
        return s;
    }
}
