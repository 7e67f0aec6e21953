package cn.cppcc.consult.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.consultation.ConsultationKind;
import cn.cppcc.consult.consultation.Stage;
import cn.cppcc.consult.organisation.PlaceLevel;
import cn.cppcc.consult.process.EngineClock;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.supervision.StalledConsultation.Holder;
import cn.cppcc.consult.supervision.StalledConsultation.OverdueItem;
import cn.cppcc.consult.transfer.Mechanism;

/**
 * The stalled-consultation view. Built for 100,000 running consultations on PostgreSQL: one query
 * over the project's records picks, filters, orders and pages the consultations (index
 * {@code consultation_running_due_idx}); two set-based queries then read, for that page only, who
 * holds each one from the engine's own tables ({@code ACT_RU_EXECUTION} by root process instance,
 * {@code ACT_RU_TASK}, {@code ACT_RU_IDENTITYLINK}, names from {@code ACT_ID_USER}/{@code ACT_ID_GROUP},
 * failures from {@code ACT_RU_INCIDENT}) and which transfer items are past their deadline. No engine
 * API call per consultation.
 */
@Service
@Transactional(readOnly = true)
public class StalledConsultations {

    /** How many consultations are looked up together when the whole list is exported. */
    static final int BATCH = 500;

    private final JdbcClient jdbc;

    StalledConsultations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Page(long total, int page, int size, List<StalledConsultation> rows) {
    }

    /** Running consultations by stage: how many, how many past the stage's limit. */
    public record StageCount(Stage stage, String stageName, long running, long overdue) {
    }

    public Page find(PlaceScope.Tree tree, List<String> roots, StalledQuery query) {
        OffsetDateTime now = EngineClock.now();
        Filter filter = new Filter(tree, roots, query, now);
        long total = jdbc.sql(filter.sql("select count(*)", false)).params(filter.params).query(Long.class).single();
        List<Base> page = jdbc.sql(filter.page())
                .params(filter.params)
                .param("limit", query.size())
                .param("offset", (long) query.page() * query.size())
                .query(StalledConsultations::base)
                .list();
        return new Page(total, query.page(), query.size(), complete(tree, page, now));
    }

    /** The first {@code n} that match, without counting them all (the dashboard). */
    public List<StalledConsultation> top(PlaceScope.Tree tree, List<String> roots, StalledQuery query, int n) {
        OffsetDateTime now = EngineClock.now();
        Filter filter = new Filter(tree, roots, query, now);
        return complete(tree, jdbc.sql(filter.page()).params(filter.params).param("limit", n).param("offset", 0)
                .query(StalledConsultations::base).list(), now);
    }

    /** Every consultation that matches, in order, handed over in batches (the CSV export). */
    public void forEach(PlaceScope.Tree tree, List<String> roots, StalledQuery query,
            Consumer<StalledConsultation> consumer) {
        OffsetDateTime now = EngineClock.now();
        Filter filter = new Filter(tree, roots, query, now);
        List<Base> batch = new ArrayList<>(BATCH);
        jdbc.sql(filter.sql(SELECT, true)).params(filter.params).query((ResultSet rs) -> {
            batch.add(base(rs, 0));
            if (batch.size() == BATCH) {
                complete(tree, batch, now).forEach(consumer);
                batch.clear();
            }
        });
        complete(tree, batch, now).forEach(consumer);
    }

    /** The dashboard's figures: running and overdue consultations per stage in the given subtrees. */
    public List<StageCount> countByStage(PlaceScope.Tree tree, List<String> roots) {
        OffsetDateTime now = EngineClock.now();
        Map<Stage, long[]> counts = new LinkedHashMap<>();
        boolean everything = tree.coversEverything(roots);
        jdbc.sql("""
                        select c.stage,
                               count(*) as running,
                               sum(case when c.stage_due_at < :now then 1 else 0 end) as overdue
                        from consultation c
                        where c.closed_at is null""" + (everything ? "" : " and c.place_code in (:places)")
                        + " group by c.stage")
                .params(everything ? Map.of() : Map.of("places", tree.subtree(roots)))
                .param("now", now)
                .query((ResultSet rs) -> {
                    counts.put(Stage.valueOf(rs.getString("stage")),
                            new long[] {rs.getLong("running"), rs.getLong("overdue")});
                });
        List<StageCount> result = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            if (stage != Stage.CLOSED && stage != Stage.REJECTED) {
                long[] c = counts.getOrDefault(stage, new long[2]);
                result.add(new StageCount(stage, stage.label(), c[0], c[1]));
            }
        }
        return result;
    }

    // ---- the page query

    private static final String SELECT = """
            select c.id, c.number, t.title, c.place_code, p.name as place_name, p.level, c.kind, c.stage,
                   c.emergency, c.stage_entered_at, c.stage_due_at, c.process_instance_id""";

    /**
     * Consultations with a transfer item past its deadline and a chosen mechanism not yet done: a set
     * computed once (not per consultation), starting from the items past their deadline.
     */
    private static final String OVERDUE_ITEM = """
            c.id in (select ri.consultation_id from result_item ri
                     where ri.due_on < :today
                       and (case when ri.assignment then 1 else 0 end + case when ri.escalation then 1 else 0 end
                            + case when ri.inquiry then 1 else 0 end + case when ri.feedback then 1 else 0 end)
                           > (select count(*) from transfer tr where tr.result_item_id = ri.id and tr.status = 'DONE'))""";

    /**
     * The where clause of the view. The count reads {@code consultation_open_idx} alone unless a filter
     * needs the place or topic; an area covering every place needs no place filter at all, a smaller
     * one is given as the list of its places (not a recursive query), so that the planner knows from
     * its statistics how few consultations a village or township has and reads them by place.
     */
    private static final class Filter {

        final Map<String, Object> params = new HashMap<>();
        final StringBuilder where = new StringBuilder(" where c.closed_at is null");
        final StalledQuery query;

        Filter(PlaceScope.Tree tree, List<String> roots, StalledQuery query, OffsetDateTime now) {
            this.query = query;
            LocalDate today = now.atZoneSameInstant(FormValues.ZONE).toLocalDate();
            if (!tree.coversEverything(roots)) {
                where.append(" and c.place_code in (:places)");
                params.put("places", tree.subtree(roots));
            }
            if (!query.stages().isEmpty()) {
                where.append(" and c.stage in (:stages)");
                params.put("stages", query.stages().stream().map(Stage::name).toList());
            }
            if (query.level() != null) {
                where.append(" and p.level = :level");
                params.put("level", query.level().name());
            }
            if (query.minDaysOverdue() != null) {
                // overdue by at least N calendar days: the deadline fell on or before today - N (and has passed)
                where.append(" and c.stage_due_at < :overdueBefore");
                params.put("overdueBefore", query.minDaysOverdue() == 0 ? now
                        : startOf(today.minusDays(query.minDaysOverdue() - 1L)));
            }
            if (query.minDaysInStage() != null && query.minDaysInStage() > 0) {
                where.append(" and c.stage_entered_at < :enteredBefore");
                params.put("enteredBefore", startOf(today.minusDays(query.minDaysInStage() - 1L)));
            }
            if (query.search() != null) {
                where.append(" and (c.number = :search or t.title like :searchLike)");
                params.put("search", query.search());
                params.put("searchLike", "%" + query.search().replace("\\", "\\\\").replace("%", "\\%")
                        .replace("_", "\\_") + "%");
            }
            if (query.overdueOnly()) {
                where.append(" and (c.stage_due_at < :now or ").append(OVERDUE_ITEM).append(")");
                params.put("now", now);
                params.put("today", today);
            }
        }

        /**
         * One page: the ids are picked from {@code consultation} alone (walking an index in the order
         * asked for, skipping what earlier pages showed), then only those are joined to place and topic.
         */
        String page() {
            String order = order("c");
            return "select c.id, c.number, t.title, c.place_code, p.name as place_name, p.level,"
                    + " c.kind, c.stage, c.emergency, c.stage_entered_at, c.stage_due_at, c.process_instance_id"
                    + " from (select c.id from consultation c"
                    + (query.level() == null ? "" : " join place p on p.code = c.place_code")
                    + (query.search() == null ? "" : " join topic t on t.id = c.topic_id") + where
                    + " order by " + order + " limit :limit offset :offset) page"
                    + " join consultation c on c.id = page.id join place p on p.code = c.place_code"
                    + " join topic t on t.id = c.topic_id order by " + order;
        }

        /** Ascending nulls last, descending nulls first: the order of the index, read forwards or backwards. */
        private String order(String alias) {
            String direction = query.descending() ? " desc nulls first" : " asc nulls last";
            return query.sort().column() + direction + ", " + alias + ".id" + (query.descending() ? " desc" : " asc");
        }

        String sql(String select, boolean ordered) {
            boolean count = !ordered;
            String sql = select + "\nfrom consultation c"
                    + (count && query.level() == null ? "" : " join place p on p.code = c.place_code")
                    + (count && query.search() == null ? "" : " join topic t on t.id = c.topic_id") + where;
            if (ordered) {
                sql += " order by " + order("c");
            }
            return sql;
        }

        private static OffsetDateTime startOf(LocalDate day) {
            return day.atStartOfDay(FormValues.ZONE).toOffsetDateTime();
        }
    }

    /** What the page query reads from the project's records. */
    private record Base(long id, String number, String title, String placeCode, String placeName, PlaceLevel level,
            ConsultationKind kind, Stage stage, boolean emergency, OffsetDateTime enteredAt, OffsetDateTime dueAt,
            String processInstanceId) {
    }

    private static Base base(ResultSet rs, int row) throws SQLException {
        return new Base(rs.getLong("id"), rs.getString("number"), rs.getString("title"), rs.getString("place_code"),
                rs.getString("place_name"), PlaceLevel.valueOf(rs.getString("level")),
                ConsultationKind.valueOf(rs.getString("kind")), Stage.valueOf(rs.getString("stage")),
                rs.getBoolean("emergency"), rs.getObject("stage_entered_at", OffsetDateTime.class),
                rs.getObject("stage_due_at", OffsetDateTime.class), rs.getString("process_instance_id"));
    }

    // ---- the page's holders, incidents and overdue items

    private List<StalledConsultation> complete(PlaceScope.Tree tree, List<Base> page, OffsetDateTime now) {
        if (page.isEmpty()) {
            return List.of();
        }
        List<String> instances = page.stream().map(Base::processInstanceId).filter(id -> id != null).toList();
        Map<String, List<Holder>> holders = holders(instances);
        Map<String, List<String>> incidents = incidents(instances);
        Map<Long, List<OverdueItem>> items = overdueItems(page.stream().map(Base::id).toList(), now);
        LocalDate today = now.atZoneSameInstant(FormValues.ZONE).toLocalDate();
        return page.stream().map(b -> {
            boolean overdue = b.dueAt() != null && b.dueAt().isBefore(now);
            return new StalledConsultation(b.id(), b.number(), b.title(), b.placeCode(), b.placeName(),
                    tree.path(b.placeCode()), b.level(), b.kind(), b.stage(), b.stage().label(), b.emergency(),
                    b.enteredAt(), b.dueAt(), b.enteredAt() == null ? 0 : days(b.enteredAt(), today),
                    overdue ? days(b.dueAt(), today) : 0, overdue,
                    holders.getOrDefault(b.processInstanceId(), List.of()),
                    items.getOrDefault(b.id(), List.of()),
                    incidents.getOrDefault(b.processInstanceId(), List.of()),
                    b.processInstanceId(),
                    b.processInstanceId() == null ? null
                            : "/camunda/app/cockpit/default/#/process-instance/" + b.processInstanceId() + "/runtime");
        }).toList();
    }

    /** Calendar days (Beijing time) from the day of {@code since} to {@code today}. */
    private static long days(OffsetDateTime since, LocalDate today) {
        return Math.max(0, ChronoUnit.DAYS.between(since.atZoneSameInstant(FormValues.ZONE).toLocalDate(), today));
    }

    /** Open tasks of each root process instance and of the mechanism processes it called, with who holds them. */
    private Map<String, List<Holder>> holders(List<String> rootInstances) {
        if (rootInstances.isEmpty()) {
            return Map.of();
        }
        record Task(String root, String id, String key, String name, String assignee, String assigneeName,
                OffsetDateTime createdAt) {
        }
        List<Task> tasks = jdbc.sql("""
                        select e.root_proc_inst_id_ as root, t.id_ as id, t.task_def_key_ as task_key, t.name_ as name,
                               t.assignee_ as assignee, u.first_ as first_name, u.last_ as last_name,
                               t.create_time_ as created
                        from act_ru_execution e
                        join act_ru_task t on t.proc_inst_id_ = e.id_
                        left join act_id_user u on u.id_ = t.assignee_
                        where e.root_proc_inst_id_ in (:roots) and e.id_ = e.proc_inst_id_
                        order by t.create_time_, t.id_""")
                .param("roots", rootInstances)
                .query((rs, n) -> new Task(rs.getString("root"), rs.getString("id"), rs.getString("task_key"),
                        rs.getString("name"), rs.getString("assignee"),
                        name(rs.getString("assignee"), rs.getString("first_name"), rs.getString("last_name")),
                        offset(rs.getTimestamp("created"))))
                .list();
        Map<String, List<String[]>> candidates = new HashMap<>();
        if (!tasks.isEmpty()) {
            jdbc.sql("""
                            select l.task_id_ as task_id, l.group_id_ as group_id, g.name_ as group_name,
                                   l.user_id_ as user_id, u.first_ as first_name, u.last_ as last_name
                            from act_ru_identitylink l
                            left join act_id_group g on g.id_ = l.group_id_
                            left join act_id_user u on u.id_ = l.user_id_
                            where l.task_id_ in (:tasks) and l.type_ = 'candidate'
                            order by l.group_id_, l.user_id_""")
                    .param("tasks", tasks.stream().map(Task::id).toList())
                    .query((ResultSet rs) -> {
                        String group = rs.getString("group_id");
                        String id = group != null ? group : rs.getString("user_id");
                        String name = group != null
                                ? (rs.getString("group_name") == null ? group : rs.getString("group_name"))
                                : name(id, rs.getString("first_name"), rs.getString("last_name"));
                        candidates.computeIfAbsent(rs.getString("task_id"), k -> new ArrayList<>())
                                .add(new String[] {id, name});
                    });
        }
        Map<String, List<Holder>> result = new HashMap<>();
        for (Task t : tasks) {
            List<String[]> offered = candidates.getOrDefault(t.id(), List.of());
            result.computeIfAbsent(t.root(), k -> new ArrayList<>()).add(new Holder(t.id(), t.key(), t.name(),
                    t.assignee(), t.assigneeName(), offered.stream().map(c -> c[0]).toList(),
                    offered.stream().map(c -> c[1]).toList(), t.createdAt()));
        }
        return result;
    }

    private Map<String, List<String>> incidents(List<String> rootInstances) {
        if (rootInstances.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> result = new HashMap<>();
        jdbc.sql("""
                        select e.root_proc_inst_id_ as root, i.activity_id_ as activity, i.incident_msg_ as message
                        from act_ru_execution e
                        join act_ru_incident i on i.proc_inst_id_ = e.id_
                        where e.root_proc_inst_id_ in (:roots) and e.id_ = e.proc_inst_id_
                        order by i.incident_timestamp_""")
                .param("roots", rootInstances)
                .query((ResultSet rs) -> {
                    result.computeIfAbsent(rs.getString("root"), k -> new ArrayList<>())
                            .add(rs.getString("activity") + "：" + rs.getString("message"));
                });
        return result;
    }

    private Map<Long, List<OverdueItem>> overdueItems(Collection<Long> consultationIds, OffsetDateTime now) {
        LocalDate today = now.atZoneSameInstant(FormValues.ZONE).toLocalDate();
        record Item(long id, long consultationId, int seq, String content, String department, LocalDate dueOn,
                List<Mechanism> chosen) {
        }
        List<Item> items = jdbc.sql("""
                        select id, consultation_id, seq, content, department, due_on,
                               assignment, escalation, inquiry, feedback
                        from result_item
                        where consultation_id in (:ids) and due_on < :today
                        order by consultation_id, seq""")
                .param("ids", consultationIds)
                .param("today", today)
                .query((rs, n) -> {
                    List<Mechanism> chosen = new ArrayList<>();
                    if (rs.getBoolean("assignment")) {
                        chosen.add(Mechanism.ASSIGNMENT);
                    }
                    if (rs.getBoolean("escalation")) {
                        chosen.add(Mechanism.ESCALATION);
                    }
                    if (rs.getBoolean("inquiry")) {
                        chosen.add(Mechanism.INQUIRY);
                    }
                    if (rs.getBoolean("feedback")) {
                        chosen.add(Mechanism.FEEDBACK);
                    }
                    return new Item(rs.getLong("id"), rs.getLong("consultation_id"), rs.getInt("seq"),
                            rs.getString("content"), rs.getString("department"),
                            rs.getObject("due_on", LocalDate.class), chosen);
                })
                .list();
        if (items.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<Mechanism>> done = new HashMap<>();
        jdbc.sql("select result_item_id, mechanism from transfer where result_item_id in (:items) and status = 'DONE'")
                .param("items", items.stream().map(Item::id).toList())
                .query((ResultSet rs) -> {
                    done.computeIfAbsent(rs.getLong("result_item_id"), k -> new ArrayList<>())
                            .add(Mechanism.valueOf(rs.getString("mechanism")));
                });
        Map<Long, List<OverdueItem>> result = new HashMap<>();
        for (Item item : items) {
            List<String> pending = item.chosen().stream()
                    .filter(m -> !done.getOrDefault(item.id(), List.of()).contains(m))
                    .map(Mechanism::label)
                    .toList();
            if (!pending.isEmpty()) {
                result.computeIfAbsent(item.consultationId(), k -> new ArrayList<>()).add(new OverdueItem(item.id(),
                        item.seq(), item.content(), item.department(), item.dueOn(),
                        ChronoUnit.DAYS.between(item.dueOn(), today), pending));
            }
        }
        return result;
    }

    private static String name(String id, String first, String last) {
        String name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
        return name.isEmpty() ? id : name;
    }

    /** The engine writes its timestamps in the JVM's zone, without one. */
    private static OffsetDateTime offset(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant().atZone(FormValues.ZONE).toOffsetDateTime();
    }
}
