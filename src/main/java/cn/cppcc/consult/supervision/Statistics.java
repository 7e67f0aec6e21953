package cn.cppcc.consult.supervision;

import java.util.List;

/**
 * The figures of one year's consultations in an area (the consultations opened that year at its places
 * and below): the results window's and the supervisors'.
 *
 * @param byPlace      per place directly below the area (its subtree counted with it)
 * @param onTime       per stage: stages left in time, out of those left plus those still running past their limit
 * @param transfers    per mechanism: the result items that chose it, by the state of its transfer
 * @param venues       the area's venues with the year's "six haves"
 * @param sixHaves     per criterion: how many assessed venues have it
 */
public record Statistics(String area, int year, long consultations, List<Count> byStage, List<Count> byLevel,
        List<Count> byPlace, List<Count> byForm, List<OnTime> onTime, List<MechanismStatus> transfers,
        Feedback feedback, SatisfactionCount satisfaction, List<VenueSixHaves> venues, List<Count> sixHaves) {

    public record Count(String key, String label, long count) {
    }

    /** {@code rate} is null when nothing could be on time or late. */
    public record OnTime(String stage, String label, long left, long leftOnTime, long runningLate, Double rate) {
    }

    public record MechanismStatus(String mechanism, String label, long items, long notStarted, long inProgress,
            long done, long overdue) {
    }

    /** 反馈: items that chose feedback, how many were fed back, and the consultations with any feedback given. */
    public record Feedback(long items, long given, long consultations, Double rate) {
    }

    /** {@code rate} = (满意 + 基本满意) / all ratings. */
    public record SatisfactionCount(long satisfied, long basicallySatisfied, long dissatisfied, long total,
            Double rate) {
    }

    public record VenueSixHaves(long venueId, String name, String placePath, String kind, Integer count,
            List<String> missing) {
    }

    static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(1000.0 * part / whole) / 1000.0;
    }
}
