package cn.cppcc.consult.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.notification.MessageTemplate;
import cn.cppcc.consult.notification.NotificationService;
import cn.cppcc.consult.notification.NotificationService.Message;
import cn.cppcc.consult.notification.Placeholder;
import cn.cppcc.consult.organisation.OrganisationService;
import cn.cppcc.consult.organisation.Place;
import cn.cppcc.consult.organisation.PlaceLevel;
import cn.cppcc.consult.organisation.PlaceRepository;
import cn.cppcc.consult.organisation.Role;
import cn.cppcc.consult.process.EngineClock;
import cn.cppcc.consult.process.FormValues;

/**
 * Township assessment (乡镇考核): the county's supervisors start it for a year, the platform computes
 * what its records show, the assessors score the rest township by township, and the county-wide
 * ranking (全县拉通排名) follows. Also the bean the model asks which townships to score:
 * {@code ${assessments.townshipCodes(assessmentId)}}.
 */
@Service("assessments")
@Transactional
public class AssessmentService {

    public static final int BASIS_MAX = 500;

    private final AssessmentRepository assessments;
    private final AssessmentScheme scheme;
    private final PlaceRepository places;
    private final OrganisationService organisation;
    private final NotificationService notifications;

    AssessmentService(AssessmentRepository assessments, AssessmentScheme scheme, PlaceRepository places,
            OrganisationService organisation, NotificationService notifications) {
        this.assessments = assessments;
        this.scheme = scheme;
        this.places = places;
        this.organisation = organisation;
        this.notifications = notifications;
    }

    @Transactional(readOnly = true)
    public Assessment get(long id) {
        return assessments.find(id).orElseThrow(() -> new NoSuchElementException("考核不存在：" + id));
    }

    /** Opens the year's assessment of the county whose supervisor starts it, with the computed scores. */
    public Assessment start(String initiator, int year) {
        List<Place> counties = organisation.rolesOf(initiator).stream()
                .filter(r -> r.role() == Role.SUPERVISOR && r.place().level() == PlaceLevel.COUNTY)
                .map(r -> r.place()).distinct().toList();
        if (counties.size() != 1) {
            throw FormValues.invalid("initiator", "只有县政协督查可以发起乡镇年度考核");
        }
        Place county = counties.get(0);
        int thisYear = EngineClock.now().getYear();
        if (year < 2000 || year > thisYear) {
            throw FormValues.invalid("year", "考核年度须在2000年至" + thisYear + "年之间");
        }
        if (assessments.find(county.code(), year).isPresent()) {
            throw FormValues.invalid("year", county.name() + year + "年度考核已经发起");
        }
        List<Place> townships = places.findChildren(county.code()).stream()
                .filter(p -> p.level() == PlaceLevel.TOWNSHIP).toList();
        if (townships.isEmpty()) {
            throw FormValues.invalid("year", county.name() + "没有乡镇（街道）可考核");
        }
        long id = assessments.insert(county.code(), year, initiator, EngineClock.now());
        for (Place township : townships) {
            scheme.compute(township.code(), year).forEach(s -> assessments.saveScore(id, s, EngineClock.now()));
        }
        return get(id);
    }

    public void attachProcess(long id, String processInstanceId) {
        assessments.attachProcess(id, processInstanceId);
    }

    /** The townships to score, one task each. */
    @Transactional(readOnly = true)
    public List<String> townshipCodes(long assessmentId) {
        return assessments.townships(assessmentId);
    }

    @Transactional(readOnly = true)
    public List<Score> scoresOf(long assessmentId, String township) {
        return assessments.scores(assessmentId).stream().filter(s -> s.townshipCode().equals(township)).toList();
    }

    /** The assessor's scores of 组织领导 and 创新亮点特色, each with what it rests on. */
    public void score(long assessmentId, String township, BigDecimal leadership, String leadershipBasis,
            BigDecimal innovation, String innovationBasis, String assessor) {
        if (get(assessmentId).status() != Assessment.Status.SCORING) {
            throw new IllegalStateException("考核已发布，不能再评分");
        }
        assessments.saveScore(assessmentId, manual(township, AssessmentDimension.LEADERSHIP, "leadership", leadership,
                leadershipBasis, assessor), EngineClock.now());
        assessments.saveScore(assessmentId, manual(township, AssessmentDimension.INNOVATION, "innovation", innovation,
                innovationBasis, assessor), EngineClock.now());
    }

    private static Score manual(String township, AssessmentDimension dimension, String key, BigDecimal points,
            String basis, String assessor) {
        if (points == null) {
            throw FormValues.invalid(key, "请为" + dimension.label() + "评分");
        }
        if (points.signum() < 0 || points.compareTo(dimension.maxPoints()) > 0) {
            throw FormValues.invalid(key, dimension.label() + "的得分须在0至" + dimension.maxPoints() + "分之间");
        }
        if (points.scale() > 1 && points.stripTrailingZeros().scale() > 1) {
            throw FormValues.invalid(key, dimension.label() + "的得分最多保留一位小数");
        }
        if (basis == null || basis.isBlank()) {
            throw FormValues.invalid(key + "Basis", "请填写" + dimension.label() + "的评分依据");
        }
        String text = basis.strip();
        if (text.codePointCount(0, text.length()) > BASIS_MAX) {
            throw FormValues.invalid(key + "Basis", dimension.label() + "的评分依据不能超过" + BASIS_MAX + "个字");
        }
        return new Score(township, dimension, points.setScale(1, RoundingMode.HALF_UP), text, assessor);
    }

    /** Every township scored: the ranking is published and each township told its place. */
    public void publish(long assessmentId) {
        Assessment assessment = get(assessmentId);
        Ranking ranking = ranking(assessment);
        List<String> unscored = ranking.rows().stream().filter(r -> !r.complete()).map(Ranking.Row::townshipName).toList();
        if (!unscored.isEmpty()) {
            throw new IllegalStateException("尚未评分：" + String.join("、", unscored));
        }
        assessments.publish(assessmentId, EngineClock.now());
        for (Ranking.Row row : ranking.rows()) {
            notifications.toGroups(List.of(Role.LIAISON.groupId(row.townshipCode())),
                    Message.of(MessageTemplate.ASSESSMENT_RESULT, null)
                            .with(Placeholder.PLACE, row.townshipName())
                            .with(Placeholder.YEAR, assessment.assessedYear())
                            .with(Placeholder.SCORE, row.total())
                            .with(Placeholder.RANK, row.rank())
                            .with(Placeholder.RANKED, ranking.rows().size()));
        }
    }

    @Transactional(readOnly = true)
    public Ranking ranking(String county, int year) {
        return ranking(assessments.find(county, year)
                .orElseThrow(() -> new NoSuchElementException(year + "年度考核尚未发起")));
    }

    @Transactional(readOnly = true)
    public List<Assessment> all(String county) {
        return assessments.findAll(county);
    }

    /** Townships by total, highest first; equal totals share a rank (1, 2, 2, 4). */
    Ranking ranking(Assessment assessment) {
        Map<String, Map<AssessmentDimension, Score>> byTownship = new LinkedHashMap<>();
        for (Score s : assessments.scores(assessment.id())) {
            byTownship.computeIfAbsent(s.townshipCode(), k -> new EnumMap<>(AssessmentDimension.class))
                    .put(s.dimension(), s);
        }
        List<Ranking.Row> rows = new ArrayList<>();
        for (Map.Entry<String, Map<AssessmentDimension, Score>> t : byTownship.entrySet()) {
            List<Ranking.Cell> cells = new ArrayList<>();
            BigDecimal total = BigDecimal.ZERO.setScale(1);
            for (AssessmentDimension d : AssessmentDimension.values()) {
                Score s = t.getValue().get(d);
                cells.add(new Ranking.Cell(d.name(), d.label(), d.maxPoints(), d.computed(),
                        s == null ? null : s.points(), s == null ? null : s.basis(), s == null ? null : s.scoredBy()));
                total = s == null ? total : total.add(s.points());
            }
            boolean complete = t.getValue().size() == AssessmentDimension.values().length;
            rows.add(new Ranking.Row(0, t.getKey(), places.find(t.getKey()).map(Place::name).orElse(t.getKey()), total,
                    complete, cells));
        }
        rows.sort(Comparator.comparing(Ranking.Row::total).reversed().thenComparing(Ranking.Row::townshipCode));
        List<Ranking.Row> ranked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Ranking.Row r = rows.get(i);
            int rank = i > 0 && r.total().compareTo(rows.get(i - 1).total()) == 0 ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new Ranking.Row(rank, r.townshipCode(), r.townshipName(), r.total(), r.complete(), r.cells()));
        }
        return new Ranking(assessment.id(), assessment.placeCode(),
                places.find(assessment.placeCode()).map(Place::name).orElse(""), assessment.assessedYear(),
                assessment.status().name(), assessment.status().label(), ranked);
    }
}
