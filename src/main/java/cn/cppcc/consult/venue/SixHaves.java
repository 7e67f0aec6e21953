package cn.cppcc.consult.venue;

import java.util.ArrayList;
import java.util.List;

/**
 * The "six haves" (六个有) a venue is judged by: 有阵地、有标识、有制度、有流程、有活动、有实效, as an
 * assessor found them in a year.
 */
public record SixHaves(boolean site, boolean sign, boolean rules, boolean procedure, boolean activities,
        boolean results) {

    public static final List<String> LABELS = List.of("有阵地", "有标识", "有制度", "有流程", "有活动", "有实效");

    /** How many of the six the venue has. */
    public int count() {
        int n = 0;
        for (boolean has : values()) {
            n += has ? 1 : 0;
        }
        return n;
    }

    public boolean[] values() {
        return new boolean[] {site, sign, rules, procedure, activities, results};
    }

    /** The ones it lacks, by name. */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        boolean[] values = values();
        for (int i = 0; i < values.length; i++) {
            if (!values[i]) {
                missing.add(LABELS.get(i));
            }
        }
        return missing;
    }
}
