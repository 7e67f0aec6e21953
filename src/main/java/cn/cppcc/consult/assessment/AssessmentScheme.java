package cn.cppcc.consult.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.cppcc.consult.consultation.Stage;
import cn.cppcc.consult.organisation.Place;
import cn.cppcc.consult.organisation.PlaceLevel;
import cn.cppcc.consult.supervision.PlaceScope;
import cn.cppcc.consult.supervision.Statistics;
import cn.cppcc.consult.supervision.StatisticsService;
import cn.cppcc.consult.talent.MemberGroup;
import cn.cppcc.consult.talent.Talent;
import cn.cppcc.consult.talent.TalentService;
import cn.cppcc.consult.venue.VenueService;

/**
 * How the four dimensions the platform knows are scored, for a township (with its villages) and a
 * year, each rounded to one decimal:
 * <ul>
 * <li>人才库建设 (15): active people in the talent pool, {@value #TALENT_TARGET} or more for the full 10
 * points; villages liaised with by a member group, all of them for the full 5.</li>
 * <li>平台阵地建设 (15): the "six haves" found this year across the venues, all six at every venue for
 * the full 15 (a venue not assessed counts none); no venue, no points.</li>
 * <li>工作机制运行 (25): stages done in time (10), result items carried by their mechanisms (10), feedback
 * given (5), each as a share of the year's consultations' stages and items.</li>
 * <li>协商活动开展 (20): consultations of the year that were held (reached the minutes),
 * {@value #ACTIVITY_TARGET} or more for the full 20.</li>
 * </ul>
 */
@Component
public class AssessmentScheme {

    static final int TALENT_TARGET = 20;
    static final int ACTIVITY_TARGET = 4;
    private static final Set<String> HELD = Set.of(Stage.MINUTES.name(), Stage.TRANSFER.name(), Stage.CLOSED.name());

    private final StatisticsService statistics;
    private final TalentService talents;
    private final VenueService venues;
    private final PlaceScope scope;

    AssessmentScheme(StatisticsService statistics, TalentService talents, VenueService venues, PlaceScope scope) {
        this.statistics = statistics;
        this.talents = talents;
        this.venues = venues;
        this.scope = scope;
    }

    public List<Score> compute(String township, int year) {
        PlaceScope.Tree tree = scope.everything();
        List<String> area = tree.subtree(List.of(township));
        Statistics figures = statistics.compute(tree, List.of(township), year);
        return List.of(talentPool(tree, township, area), venues(township, area, year), mechanisms(township, figures),
                activities(township, figures));
    }

    private Score talentPool(PlaceScope.Tree tree, String township, List<String> area) {
        long pool = talents.in(area).stream().filter(Talent::active).count();
        List<String> villages = tree.children(township).stream().filter(p -> p.level() == PlaceLevel.VILLAGE)
                .map(Place::code).toList();
        long covered = talents.groups(List.of(township)).stream().map(MemberGroup::villages).flatMap(List::stream)
                .map(Place::code).filter(villages::contains).distinct().count();
        BigDecimal poolPoints = share(Math.min(pool, TALENT_TARGET), TALENT_TARGET, 10);
        BigDecimal groupPoints = share(covered, villages.size(), 5);
        return score(township, AssessmentDimension.TALENT_POOL, poolPoints.add(groupPoints),
                "人才库在册" + pool + "人（" + TALENT_TARGET + "人得满分10分）：" + poolPoints + "分；委员履职小组联系村（社区）"
                        + covered + "/" + villages.size() + "个（满分5分）：" + groupPoints + "分");
    }

    private Score venues(String township, List<String> area, int year) {
        List<VenueService.VenueWithAssessment> list = venues.at(area, year);
        long haves = list.stream().filter(v -> v.assessment() != null).mapToLong(v -> v.assessment().sixHaves().count())
                .sum();
        BigDecimal points = share(haves, 6L * list.size(), 15);
        return score(township, AssessmentDimension.VENUES, points,
                "协商平台" + list.size() + "个，" + year + "年“六个有”合计" + haves + "/" + 6 * list.size() + "项：" + points + "分");
    }

    private Score mechanisms(String township, Statistics figures) {
        long onTime = figures.onTime().stream().mapToLong(Statistics.OnTime::leftOnTime).sum();
        long due = figures.onTime().stream().mapToLong(o -> o.left() + o.runningLate()).sum();
        long done = figures.transfers().stream().mapToLong(Statistics.MechanismStatus::done).sum();
        long items = figures.transfers().stream().mapToLong(Statistics.MechanismStatus::items).sum();
        BigDecimal inTime = share(onTime, due, 10);
        BigDecimal carried = share(done, items, 10);
        BigDecimal fed = share(figures.feedback().given(), figures.feedback().items(), 5);
        return score(township, AssessmentDimension.MECHANISMS, inTime.add(carried).add(fed),
                "按时完成阶段" + onTime + "/" + due + "（满分10分）：" + inTime + "分；成果转化办结" + done + "/" + items
                        + "（满分10分）：" + carried + "分；反馈" + figures.feedback().given() + "/" + figures.feedback().items()
                        + "（满分5分）：" + fed + "分");
    }

    private Score activities(String township, Statistics figures) {
        long held = figures.byStage().stream().filter(c -> HELD.contains(c.key())).mapToLong(Statistics.Count::count).sum();
        BigDecimal points = share(Math.min(held, ACTIVITY_TARGET), ACTIVITY_TARGET, 20);
        return score(township, AssessmentDimension.ACTIVITIES, points,
                "本年度发起协商" + figures.consultations() + "项，已召开" + held + "项（" + ACTIVITY_TARGET + "项得满分20分）：" + points
                        + "分");
    }

    /** {@code part / whole} of {@code max} points, one decimal; nothing to count, no points. */
    static BigDecimal share(long part, long whole, int max) {
        if (whole == 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(max))
                .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    private static Score score(String township, AssessmentDimension dimension, BigDecimal points, String basis) {
        return new Score(township, dimension, points.setScale(1, RoundingMode.HALF_UP), basis, null);
    }
}
