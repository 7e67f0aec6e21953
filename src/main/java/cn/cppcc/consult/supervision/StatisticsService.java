package cn.cppcc.consult.supervision;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.consultation.ConsultationForm;
import cn.cppcc.consult.consultation.Stage;
import cn.cppcc.consult.organisation.Place;
import cn.cppcc.consult.organisation.PlaceLevel;
import cn.cppcc.consult.process.EngineClock;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.supervision.Statistics.Count;
import cn.cppcc.consult.supervision.Statistics.Feedback;
import cn.cppcc.consult.supervision.Statistics.MechanismStatus;
import cn.cppcc.consult.supervision.Statistics.OnTime;
import cn.cppcc.consult.supervision.Statistics.SatisfactionCount;
import cn.cppcc.consult.transfer.Satisfaction;
import cn.cppcc.consult.supervision.Statistics.VenueSixHaves;
import cn.cppcc.consult.transfer.Mechanism;
import cn.cppcc.consult.transfer.TransferStatus;
import cn.cppcc.consult.venue.SixHaves;
import cn.cppcc.consult.venue.VenueService;

/**
 * Counts for the results window and the supervisors, over one year's consultations in an area:
 * by stage, level, place and form; on-time rate per stage; transfer items by mechanism and state;
 * feedback given; satisfaction; the venues' "six haves". Set-based queries over the project's records.
 */
@Service
@Transactional(readOnly = true)
public class StatisticsService {

    /** The consultations of the area opened in the year. */
    private static final String COHORT = " c.place_code in (select code from scope) and c.created_at >= :from and c.created_at < :to";

    private final JdbcClient jdbc;
    private final SatisfactionRatings ratings;
    private final VenueService venues;

    StatisticsService(JdbcClient jdbc, SatisfactionRatings ratings, VenueService venues) {
        this.jdbc = jdbc;
        this.ratings = ratings;
        this.venues = venues;
    }

    public Statistics compute(PlaceScope.Tree tree, List<String> roots, int year) {
        OffsetDateTime from = LocalDate.of(year, 1, 1).atStartOfDay(FormValues.ZONE).toOffsetDateTime();
        OffsetDateTime to = from.plusYears(1);
        Map<String, Object> params = Map.of("roots", roots, "from", from, "to", to);

        Map<String, Long> stages = grouped("c.stage", params);
        Map<String, Long> levels = grouped("p.level", params);
        Map<String, Long> forms = grouped("coalesce(c.form, 'NONE')", params);
        Map<String, Long> places = grouped("c.place_code", params);
        long total = stages.values().stream().mapToLong(Long::longValue).sum();

        List<Count> byStage = new ArrayList<>();
        for (Stage s : Stage.values()) {
            byStage.add(new Count(s.name(), s.label(), stages.getOrDefault(s.name(), 0L)));
        }
        List<Count> byLevel = new ArrayList<>();
        for (PlaceLevel l : PlaceLevel.values()) {
            if (levels.containsKey(l.name())) {
                byLevel.add(new Count(l.name(), l.label(), levels.get(l.name())));
            }
        }
        List<Count> byForm = new ArrayList<>();
        for (ConsultationForm f : ConsultationForm.values()) {
            byForm.add(new Count(f.name(), f.label(), forms.getOrDefault(f.name(), 0L)));
        }
        byForm.add(new Count("NONE", "尚未确定", forms.getOrDefault("NONE", 0L)));

        List<String> areaNames = roots.stream().map(r -> tree.place(r).name()).toList();
        return new Statistics(String.join("、", areaNames), year, total, byStage, byLevel, byPlace(tree, roots, places),
                byForm, onTime(params), transfers(params), feedback(params), satisfaction(roots, from, to),
                venues(tree, roots, year), sixHaves(tree, roots, year));
    }

    private Map<String, Long> grouped(String expression, Map<String, Object> params) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql(PlaceScope.SUBTREE + "select " + expression + " as k, count(*) as n from consultation c"
                        + " join place p on p.code = c.place_code where" + COHORT + " group by " + expression)
                .params(params)
                .query((ResultSet rs) -> {
                    counts.put(rs.getString("k"), rs.getLong("n"));
                });
        return counts;
    }

    /** Per place directly below a single area (the area's own consultations under its name), else per area. */
    private static List<Count> byPlace(PlaceScope.Tree tree, List<String> roots, Map<String, Long> byCode) {
        List<Place> columns = new ArrayList<>();
        if (roots.size() == 1) {
            columns.add(tree.place(roots.get(0)));
            columns.addAll(tree.children(roots.get(0)));
        } else {
            roots.forEach(r -> columns.add(tree.place(r)));
        }
        List<Count> result = new ArrayList<>();
        for (Place column : columns) {
            boolean self = roots.size() == 1 && column.code().equals(roots.get(0));
            List<String> codes = self ? List.of(column.code()) : tree.subtree(List.of(column.code()));
            long n = codes.stream().mapToLong(code -> byCode.getOrDefault(code, 0L)).sum();
            result.add(new Count(column.code(), self ? column.name() + "（本级）" : column.name(), n));
        }
        return result;
    }

    private List<OnTime> onTime(Map<String, Object> params) {
        Map<String, long[]> counts = new HashMap<>();
        jdbc.sql(PlaceScope.SUBTREE + """
                        select sp.stage, count(*) as n_left,
                               sum(case when sp.due_at is null or sp.left_at <= sp.due_at then 1 else 0 end) as n_on_time
                        from stage_period sp join consultation c on c.id = sp.consultation_id
                        where""" + COHORT + " group by sp.stage")
                .params(params)
                .query((ResultSet rs) -> {
                    counts.computeIfAbsent(rs.getString("stage"), k -> new long[3])[0] = rs.getLong("n_left");
                    counts.get(rs.getString("stage"))[1] = rs.getLong("n_on_time");
                });
        jdbc.sql(PlaceScope.SUBTREE + """
                        select c.stage, count(*) as n_late from consultation c
                        where c.closed_at is null and c.stage_due_at < :now and""" + COHORT + " group by c.stage")
                .params(params).param("now", EngineClock.now())
                .query((ResultSet rs) -> {
                    counts.computeIfAbsent(rs.getString("stage"), k -> new long[3])[2] = rs.getLong("n_late");
                });
        List<OnTime> result = new ArrayList<>();
        for (Stage s : Stage.values()) {
            if (s == Stage.CLOSED || s == Stage.REJECTED) {
                continue;
            }
            long[] c = counts.getOrDefault(s.name(), new long[3]);
            result.add(new OnTime(s.name(), s.label(), c[0], c[1], c[2], Statistics.rate(c[1], c[0] + c[2])));
        }
        return result;
    }

    private List<MechanismStatus> transfers(Map<String, Object> params) {
        record Item(long id, LocalDate dueOn, boolean[] chosen) {
        }
        List<Item> items = jdbc.sql(PlaceScope.SUBTREE + """
                        select ri.id, ri.due_on, ri.assignment, ri.escalation, ri.inquiry, ri.feedback
                        from result_item ri join consultation c on c.id = ri.consultation_id
                        where""" + COHORT)
                .params(params)
                .query((rs, n) -> new Item(rs.getLong("id"), rs.getObject("due_on", LocalDate.class), new boolean[] {
                        rs.getBoolean("assignment"), rs.getBoolean("escalation"), rs.getBoolean("inquiry"),
                        rs.getBoolean("feedback")}))
                .list();
        Map<String, TransferStatus> states = transferStates(params);
        LocalDate today = EngineClock.now().toLocalDate();
        List<MechanismStatus> result = new ArrayList<>();
        for (Mechanism m : Mechanism.values()) {
            long chosen = 0;
            long notStarted = 0;
            long inProgress = 0;
            long done = 0;
            long overdue = 0;
            for (Item item : items) {
                if (!item.chosen()[m.ordinal()]) {
                    continue;
                }
                chosen++;
                TransferStatus state = states.get(item.id() + ":" + m.name());
                if (state == null) {
                    notStarted++;
                } else if (state == TransferStatus.DONE) {
                    done++;
                } else {
                    inProgress++;
                }
                if (state != TransferStatus.DONE && item.dueOn() != null && item.dueOn().isBefore(today)) {
                    overdue++;
                }
            }
            result.add(new MechanismStatus(m.name(), m.label(), chosen, notStarted, inProgress, done, overdue));
        }
        return result;
    }

    private Map<String, TransferStatus> transferStates(Map<String, Object> params) {
        Map<String, TransferStatus> states = new HashMap<>();
        jdbc.sql(PlaceScope.SUBTREE + """
                        select t.result_item_id, t.mechanism, t.status
                        from transfer t join result_item ri on ri.id = t.result_item_id
                        join consultation c on c.id = ri.consultation_id
                        where""" + COHORT)
                .params(params)
                .query((ResultSet rs) -> {
                    states.put(rs.getLong("result_item_id") + ":" + rs.getString("mechanism"),
                            TransferStatus.valueOf(rs.getString("status")));
                });
        return states;
    }

    private Feedback feedback(Map<String, Object> params) {
        return jdbc.sql(PlaceScope.SUBTREE + """
                        select count(*) as items,
                               sum(case when t.status = 'DONE' then 1 else 0 end) as given,
                               count(distinct case when t.status = 'DONE' then ri.consultation_id end) as consultations
                        from result_item ri join consultation c on c.id = ri.consultation_id
                        left join transfer t on t.result_item_id = ri.id and t.mechanism = 'FEEDBACK'
                        where ri.feedback = true and""" + COHORT)
                .params(params)
                .query((rs, n) -> new Feedback(rs.getLong("items"), rs.getLong("given"), rs.getLong("consultations"),
                        Statistics.rate(rs.getLong("given"), rs.getLong("items"))))
                .single();
    }

    private SatisfactionCount satisfaction(List<String> roots, OffsetDateTime from, OffsetDateTime to) {
        Map<Satisfaction, Long> counts = ratings.count(roots, from, to);
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        long good = counts.get(Satisfaction.SATISFIED) + counts.get(Satisfaction.BASICALLY_SATISFIED);
        return new SatisfactionCount(counts.get(Satisfaction.SATISFIED), counts.get(Satisfaction.BASICALLY_SATISFIED),
                counts.get(Satisfaction.UNSATISFIED), total, Statistics.rate(good, total));
    }

    private List<VenueSixHaves> venues(PlaceScope.Tree tree, List<String> roots, int year) {
        return venues.at(tree.subtree(roots), year).stream().map(v -> {
            SixHaves found = v.assessment() == null ? null : v.assessment().sixHaves();
            return new VenueSixHaves(v.venue().id(), v.venue().name(), tree.path(v.venue().placeCode()),
                    v.venue().kind().label(), found == null ? null : found.count(),
                    found == null ? null : found.missing());
        }).toList();
    }

    private List<Count> sixHaves(PlaceScope.Tree tree, List<String> roots, int year) {
        long[] counts = new long[SixHaves.LABELS.size()];
        venues.at(tree.subtree(roots), year).stream().filter(v -> v.assessment() != null).forEach(v -> {
            boolean[] values = v.assessment().sixHaves().values();
            for (int i = 0; i < values.length; i++) {
                counts[i] += values[i] ? 1 : 0;
            }
        });
        List<Count> result = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            result.add(new Count(SixHaves.LABELS.get(i), SixHaves.LABELS.get(i), counts[i]));
        }
        return result;
    }
}
