package cn.cppcc.benchmark;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import cn.cppcc.consult.consultation.Stage;
import cn.cppcc.consult.demo.DemoData;
import cn.cppcc.consult.organisation.OrganisationService;
import cn.cppcc.consult.organisation.PlaceLevel;
import cn.cppcc.consult.organisation.Role;
import cn.cppcc.consult.supervision.PlaceScope;
import cn.cppcc.consult.supervision.StalledConsultations;
import cn.cppcc.consult.supervision.StalledQuery;

/**
 * A county at scale: {@code townships} townships, each with its liaison group and one staff member,
 * and {@code open} running instances of the bare process spread evenly over them (each waiting at its
 * first user task, offered to its township's liaison group, in the township's tenant as when its
 * staff member starts it; the Tasklist query runs with their groups and tenants and the engine's
 * authorization and tenant checks), started through the engine in
 * batches, one transaction per batch, on several threads. Each instance is the process of a running
 * consultation record (topic and consultation rows, bulk-inserted), in a stage of its own with a
 * deadline between 30 days past and 30 days ahead, so the stalled view reads what it reads in
 * production: our records, then the engine's executions, tasks and identity links of its page.
 */
final class OpenWork {

    private static final int BATCH = 250;
    private static final List<Stage> RUNNING = List.of(Stage.TOPIC_APPROVAL, Stage.PLANNING, Stage.PARTICIPANTS,
            Stage.RESEARCH, Stage.CONSULTING, Stage.MINUTES, Stage.TRANSFER);

    private final ApplicationContext app;
    private final int townships;
    private final int open;

    OpenWork(ApplicationContext app, int townships, int open) {
        this.app = app;
        this.townships = townships;
        this.open = open;
    }

    static String township(int i) {
        return String.format("bench%03d", i + 1);
    }

    /** Loads everything; returns what it took, in seconds: townships, engine instances, records. */
    double[] load(int threads) throws Exception {
        OrganisationService organisation = app.getBean(OrganisationService.class);
        TransactionTemplate transaction = app.getBean(TransactionTemplate.class);
        long t0 = System.nanoTime();
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < townships; i++) {
                organisation.addPlace(township(i), "基准镇" + (i + 1), PlaceLevel.TOWNSHIP, DemoData.COUNTY);
                String group = organisation.addRole(township(i), Role.LIAISON);
                organisation.addUser(DemoData.userId(township(i), Role.LIAISON), "联络员" + (i + 1), "（基准）", "Benchmark@2026", group);
            }
        });
        long t1 = System.nanoTime();

        RuntimeService runtime = app.getBean(RuntimeService.class);
        IdentityService identity = app.getBean(IdentityService.class);
        String[] instances = new String[open];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                for (int from = next.getAndAdd(BATCH); from < open; from = next.getAndAdd(BATCH)) {
                    int first = from;
                    if (first % 10_000 == 0) {
                        System.out.printf("  %,d instances started after %.0f s%n", first, (System.nanoTime() - t1) / 1e9);
                    }
                    for (int attempt = 1; ; attempt++) {
                        try {
                            transaction.executeWithoutResult(status -> {
                                try {
                                    for (int i = first; i < Math.min(first + BATCH, open); i++) {
                                        // started by the township's staff member, as from Tasklist: the instance
                                        // and its task belong to the township's tenant
                                        String place = township(i % townships);
                                        String group = Role.LIAISON.groupId(place);
                                        identity.setAuthentication(DemoData.userId(place, Role.LIAISON), List.of(group));
                                        instances[i] = runtime.startProcessInstanceByKey(BareProcess.KEY, number(i),
                                                Map.of(BareProcess.GROUP, group)).getId();
                                    }
                                } finally {
                                    identity.clearAuthentication();
                                }
                            });
                            break;
                        } catch (RuntimeException e) { // e.g. the database restarted: the batch was rolled back
                            if (attempt == 3) {
                                throw e;
                            }
                            System.out.println("  batch " + first + " rolled back, again: " + e.getMessage());
                        }
                    }
                }
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        long t2 = System.nanoTime();

        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        Instant now = Instant.now();
        for (int from = 0; from < open; from += 1000) {
            int to = Math.min(from + 1000, open);
            List<Object[]> topics = new ArrayList<>();
            List<Object[]> consultations = new ArrayList<>();
            for (int i = from; i < to; i++) {
                String place = township(i % townships);
                Timestamp created = Timestamp.from(now.minus(60 - i % 30, ChronoUnit.DAYS));
                Timestamp entered = Timestamp.from(now.minus(i % 30, ChronoUnit.DAYS).minus(i % 1440, ChronoUnit.MINUTES));
                Timestamp due = Timestamp.from(now.plus(i % 61 - 30, ChronoUnit.DAYS).plus(i % 1440, ChronoUnit.MINUTES));
                topics.add(new Object[] {"BT" + number(i), "基准议题" + i, "基准测试用的议题内容", "MEMBER", "TOWNSHIP", place,
                        "IN_CONSULTATION", "bench", created, created});
                consultations.add(new Object[] {number(i), "BT" + number(i), place, "GRASSROOTS",
                        RUNNING.get(i % RUNNING.size()).name(), i % 50 == 0, instances[i], "bench", created, created,
                        entered, due});
            }
            transaction.executeWithoutResult(status -> {
                jdbc.batchUpdate("""
                        insert into topic (number, title, description, source, source_level, place_code, status,
                                           created_by, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        topics);
                jdbc.batchUpdate("""
                        insert into consultation (number, topic_id, place_code, kind, stage, emergency,
                                                  process_instance_id, created_by, created_at, updated_at,
                                                  stage_entered_at, stage_due_at)
                        values (?, (select id from topic where number = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        consultations);
            });
        }
        jdbc.execute("analyze"); // fresh statistics after the bulk load, as autovacuum would gather them soon after
        long t3 = System.nanoTime();
        return new double[] {(t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9};
    }

    private static String number(int i) {
        return String.format("BC%06d", i);
    }

    /** A township staff member's Tasklist: their groups' tasks, newest first, the first page of 15. */
    Latencies[] tasklist(int runs) {
        TaskService tasks = app.getBean(TaskService.class);
        IdentityService identity = app.getBean(IdentityService.class);
        Latencies page = new Latencies();
        Latencies count = new Latencies();
        for (int run = -runs / 5; run < runs; run++) {
            String place = township(ThreadLocalRandom.current().nextInt(townships));
            List<String> groups = List.of(Role.LIAISON.groupId(place));
            // as Tasklist authenticates its user: their groups and the tenants (places) of those groups
            List<String> tenants = identity.createTenantQuery().groupMember(groups.get(0)).list().stream()
                    .map(org.camunda.bpm.engine.identity.Tenant::getId).toList();
            identity.setAuthentication(DemoData.userId(place, Role.LIAISON), groups, tenants);
            try {
                long start = System.nanoTime();
                List<Task> list = tasks.createTaskQuery().taskCandidateGroupIn(groups).orderByTaskCreateTime().desc()
                        .listPage(0, 15);
                if (run >= 0) {
                    page.record(start);
                }
                start = System.nanoTime();
                long total = tasks.createTaskQuery().taskCandidateGroupIn(groups).count();
                if (run >= 0) {
                    count.record(start);
                }
                if (list.size() != 15 || total != open / townships) {
                    throw new IllegalStateException("任务列表不对：" + list.size() + " / " + total);
                }
            } finally {
                identity.clearAuthentication();
            }
        }
        return new Latencies[] {page, count};
    }

    /** The stalled view as the county supervisor opens it (first page of 50, most overdue first), and two filters. */
    Map<String, Latencies> stalled(int runs) {
        StalledConsultations stalled = app.getBean(StalledConsultations.class);
        PlaceScope scope = app.getBean(PlaceScope.class);
        PlaceScope.Tree tree = scope.forUser(DemoData.userId(DemoData.COUNTY, Role.SUPERVISOR),
                List.of(Role.SUPERVISOR.groupId(DemoData.COUNTY)));
        Map<String, StalledQuery> queries = new java.util.LinkedHashMap<>();
        queries.put("whole county, first page", new StalledQuery(null, List.of(), null, null, null, false, null, null,
                false, 0, 50));
        queries.put("whole county, overdue only", new StalledQuery(null, List.of(), null, null, null, true, null, null,
                false, 0, 50));
        queries.put("one township", new StalledQuery(township(7), List.of(), null, null, null, false, null, null,
                false, 0, 50));
        Map<String, Latencies> results = new java.util.LinkedHashMap<>();
        queries.forEach((name, query) -> {
            Latencies latencies = new Latencies();
            List<String> roots = scope.requestedRoots(tree, query.placeCode());
            for (int run = -runs / 5; run < runs; run++) {
                long start = System.nanoTime();
                StalledConsultations.Page page = stalled.find(tree, roots, query);
                if (run >= 0) {
                    latencies.record(start);
                }
                if (page.rows().isEmpty()) {
                    throw new IllegalStateException("督办视图为空：" + name);
                }
            }
            results.put(name, latencies);
        });
        return results;
    }
}
