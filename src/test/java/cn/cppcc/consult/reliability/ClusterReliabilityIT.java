package cn.cppcc.consult.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The platform under races, crashes and outages, on PostgreSQL only (Camunda's own concurrency tests
 * need a real database; H2 would prove nothing): two application nodes, the packaged jar started
 * twice as separate processes on two ports, on one fresh database. Run by {@code .ci/run} through
 * {@code ./mvnw -Preliability verify} with {@code SPRING_DATASOURCE_URL} naming the PostgreSQL
 * server; skipped without it. Prints what it checked, with counts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterReliabilityIT {

    private static final String PASSWORD = "Reliability@2026";
    /** Short job lock, so the kill test sees a dead node's jobs taken over within the suite's time. */
    private static final int LOCK_SECONDS = 20;
    private static final int DOUBLE_COMPLETION_ROUNDS = 40;
    private static final Duration DATABASE_DOWN = Duration.ofSeconds(3);

    private Database db;
    private Node a;
    private Node b;

    @BeforeAll
    void startTwoNodes() throws Exception {
        String url = System.getenv("SPRING_DATASOURCE_URL");
        assumeTrue(url != null && url.startsWith("jdbc:postgresql:"),
                "the reliability suite runs on PostgreSQL only: set SPRING_DATASOURCE_URL");
        File jar = new File(System.getProperty("reliability.jar", "target/consult-platform-0.1.0-SNAPSHOT.jar"));
        assertThat(jar).as("the packaged application (mvn package)").isFile();
        String user = System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "postgres");
        String password = System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", "");
        db = Database.create(url, user, password);
        List<String> settings = List.of(
                "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_SECONDS * 1000,
                "--camunda.bpm.job-execution.max-jobs-per-acquisition=10",
                "--camunda.bpm.job-execution.queue-capacity=10",
                "--camunda.bpm.job-execution.max-wait=2000");
        Instant started = Instant.now();
        // the second once the first has created the schema (Flyway's, then Camunda's); both then deploy
        // the models at once, as a cluster's nodes do, serialised by Camunda's deployment lock
        a = Node.start("node-a", jar, db.url, user, password, PASSWORD, settings)
                .awaitLog("ENGINE-00001", Duration.ofMinutes(4));
        b = Node.start("node-b", jar, db.url, user, password, PASSWORD, settings);
        a.awaitReady(Duration.ofMinutes(4));
        b.awaitReady(Duration.ofMinutes(4));
        report("two nodes up on database %s: %s and %s in %d s", db.url, a, b,
                Duration.between(started, Instant.now()).toSeconds());

        createGroup("rel-group", IntStream.rangeClosed(1, 50).mapToObj(i -> "rel.u%02d".formatted(i)).toList());
        createGroup("rel-next", List.of("rel.next"));
        createGroup("rel-crew", List.of("rel.crew"));
        deploy(a, "RelTask", Models.twoTasks("RelTask", "rel-group", "rel-next"));
        deploy(a, "RelLoad", Models.twoTasks("RelLoad", "rel-crew", "rel-crew"));
        deploy(a, "RelJobs", Models.timerThenAsync("RelJobs"));
    }

    @AfterAll
    void stopAndDropDatabase() throws Exception {
        for (Node node : new Node[] {a, b}) {
            if (node != null) {
                node.stop();
            }
        }
        if (db != null) {
            Postgres.ensureRunning();
            db.drop();
        }
    }

    @Test
    @Order(1)
    void fiftyConcurrentClaimsOfOneTaskOneWins() throws Exception {
        String instance = start(a, "RelTask", "claims");
        String task = openTask(instance, "Task_First");

        List<Rest.Answer> answers = concurrently(50, i -> {
            String user = "rel.u%02d".formatted(i + 1);
            return node(i).rest.as(user, PASSWORD).post("/task/" + task + "/claim", Map.of("userId", user));
        });

        Map<Integer, Long> byStatus = answers.stream().collect(Collectors.groupingBy(Rest.Answer::status,
                TreeMap::new, Collectors.counting()));
        Map<String, Long> conflicts = answers.stream().filter(x -> x.status() == 409)
                .collect(Collectors.groupingBy(x -> x.json().path("type").asText(), TreeMap::new, Collectors.counting()));
        report("50 concurrent claims of one task on two nodes: statuses %s, conflicts by type %s", byStatus, conflicts);
        assertThat(byStatus).containsOnlyKeys(204, 409).containsEntry(204, 1L).containsEntry(409, 49L);
        for (Rest.Answer conflict : answers.stream().filter(x -> x.status() == 409).toList()) {
            assertThat(conflict.json().path("type").asText())
                    .isIn("TaskAlreadyClaimedException", "OptimisticLockingException");
            assertThat(conflict.json().path("message").asText()).startsWith("该任务").contains("认领");
        }
        assertThat(db.strings("select assignee_ from act_ru_task where id_ = ?", task)).singleElement()
                .asString().startsWith("rel.u");
    }

    /**
     * The same task completed at once on both nodes, in several rounds since who reads what first
     * differs each time: the second request may find the task gone, lose on the engine's optimistic
     * lock, or fail on what the first completion removed (its permission, its execution's place).
     */
    @Test
    @Order(2)
    void theSameTaskCompletedTwiceAtOnceAdvancesOnce() throws Exception {
        Map<String, Long> refusals = new TreeMap<>();
        for (int round = 1; round <= DOUBLE_COMPLETION_ROUNDS; round++) {
            String instance = start(a, "RelTask", "twice-" + round);
            String task = openTask(instance, "Task_First");
            assertThat(a.rest.as("rel.u01", PASSWORD).post("/task/" + task + "/claim", Map.of("userId", "rel.u01")).status())
                    .isEqualTo(204);

            List<Rest.Answer> answers = concurrently(2,
                    i -> node(i).rest.as("rel.u01", PASSWORD).post("/task/" + task + "/complete", Map.of()));

            assertThat(answers.stream().filter(Rest.Answer::ok)).as("round %d: %s", round, answers).hasSize(1);
            Rest.Answer refused = answers.stream().filter(x -> !x.ok()).findFirst().orElseThrow();
            assertThat(refused.status()).as("round %d: %s", round, refused).isIn(404, 409);
            assertThat(refused.json().path("message").asText()).startsWith("该任务");
            refusals.merge(refused.status() + " " + refused.json().path("type").asText(), 1L, Long::sum);

            String second = awaitOpenTask(instance, "Task_Second", Duration.ofSeconds(60));
            assertThat(db.count("select count(*) from act_hi_taskinst where proc_inst_id_ = ? and task_def_key_ = 'Task_First'"
                    + " and delete_reason_ = 'completed'", instance)).as("task completed").isOne();
            assertThat(db.count("select count(*) from act_hi_actinst where proc_inst_id_ = ? and act_id_ = 'Task_Record'"
                    + " and end_time_ is not null", instance)).as("asynchronous step").isOne();
            assertThat(db.count("select count(*) from act_hi_taskinst where proc_inst_id_ = ? and task_def_key_ = 'Task_Second'",
                    instance)).as("next task").isOne();
            assertThat(db.count("select count(*) from notification where recipient = 'rel.next' and template_key = 'TASK_OFFERED'"
                    + " and link like ?", "%task=" + second)).as("notice of the next task").isOne();
            assertThat(db.count("select long_ from act_hi_varinst where proc_inst_id_ = ? and name_ = 'runs'", instance)).isOne();
        }
        long notices = db.count("select count(*) from notification where recipient = 'rel.next'");
        report("the same task completed twice at once, %d rounds: one 2xx each, the other %s; each task completed once,"
                + " its asynchronous step and next task once, %d notices to the next group in all",
                DOUBLE_COMPLETION_ROUNDS, refusals, notices);
        assertThat(notices).isEqualTo(DOUBLE_COMPLETION_ROUNDS);
    }

    @Test
    @Order(3)
    void aDeploymentMadeOnOneNodeIsUsedByBoth() throws Exception {
        deploy(a, "RelVersion", Models.oneTask("RelVersion", "Task_One"));
        String first = start(b, "RelVersion", "v1");
        assertThat(openTask(first, "Task_One")).isNotNull();

        deploy(a, "RelVersion", Models.oneTask("RelVersion", "Task_NewInVersion2"));
        String onB = start(b, "RelVersion", "v2-b");
        String onA = start(a, "RelVersion", "v2-a");

        List<String> versions = db.strings("select d.version_ from act_ru_execution e join act_re_procdef d"
                + " on d.id_ = e.proc_def_id_ where e.id_ in (?, ?, ?) and e.parent_id_ is null order by e.business_key_",
                first, onA, onB);
        report("deployment through node-a, started on node-b: versions %s (v1, v2 on node-a, v2 on node-b)", versions);
        assertThat(versions).containsExactly("1", "2", "2");
        assertThat(openTask(onB, "Task_NewInVersion2")).isNotNull();
        assertThat(openTask(onA, "Task_NewInVersion2")).isNotNull();
    }

    @Test
    @Order(4)
    void timersAndAsynchronousJobsRunExactlyOnceAcrossTwoNodes() throws Exception {
        int instances = 500;
        Instant started = Instant.now();
        List<String> ids = parallel(4, IntStream.range(0, instances).boxed().toList(),
                i -> start(node(i), "RelJobs", "jobs-" + i, Map.of("runs", 0L, "timers", 0L)));
        awaitTrue(Duration.ofMinutes(3), () -> db.count("select count(*) from act_hi_procinst where proc_def_key_ = 'RelJobs'"
                + " and end_time_ is not null") == instances);
        long seconds = Duration.between(started, Instant.now()).toSeconds();

        long jobs = db.count("select count(distinct job_id_) from act_hi_job_log where process_def_key_ = 'RelJobs'"
                + " and job_state_ = 2");
        long twice = db.count("select count(*) from (select job_id_ from act_hi_job_log where process_def_key_ = 'RelJobs'"
                + " and job_state_ = 2 group by job_id_ having count(*) > 1) t");
        long failures = db.count("select count(*) from act_hi_job_log where process_def_key_ = 'RelJobs' and job_state_ = 1");
        Map<String, Long> byNode = new TreeMap<>();
        for (List<Object> row : db.rows("select hostname_, count(*) from act_hi_job_log where process_def_key_ = 'RelJobs'"
                + " and job_state_ = 2 group by hostname_")) {
            byNode.put(String.valueOf(row.get(0)), ((Number) row.get(1)).longValue());
        }
        long runsOnce = db.count("select count(*) from act_hi_varinst where proc_def_key_ = 'RelJobs' and name_ = 'runs'"
                + " and long_ = 1");
        long timersOnce = db.count("select count(*) from act_hi_varinst where proc_def_key_ = 'RelJobs' and name_ = 'timers'"
                + " and long_ = 1");
        report("%d instances of a timer and an asynchronous step started on both nodes, done in %d s: %d jobs succeeded,"
                + " %d more than once, %d failed attempts, by node %s; timer counted once in %d, step once in %d",
                ids.size(), seconds, jobs, twice, failures, byNode, timersOnce, runsOnce);
        assertThat(jobs).isEqualTo(2L * instances);
        assertThat(twice).isZero();
        assertThat(byNode).containsOnlyKeys("node-a", "node-b");
        assertThat(runsOnce).isEqualTo(instances);
        assertThat(timersOnce).isEqualTo(instances);
        assertThat(db.count("select count(*) from act_ru_job where process_def_key_ = 'RelJobs'")).isZero();
    }

    @Test
    @Order(5)
    void postgresRestartedUnderLoadLosesNoAcknowledgedWork() throws Exception {
        assumeTrue(Postgres.canRestart(), "pg_ctlcluster is not available to restart PostgreSQL");
        List<String> instances = parallel(4, IntStream.range(0, 200).boxed().toList(),
                i -> start(node(i), "RelLoad", "restart-" + i, Map.of("runs", 0L)));
        Drive drive = new Drive(tasksOf(instances, "Task_First"), List.of(a, b));
        // stop, start, ready; down for a few seconds, so that work is left for after the restart however
        // fast the drive is: nothing commits while the server is down, so an acknowledgement after the
        // start began is work done on connections the nodes made again by themselves
        Instant[] restart = new Instant[3];
        Thread restarter = new Thread(() -> {
            try {
                drive.awaitAcknowledged(60);
                restart[0] = Instant.now();
                Postgres.stopImmediately();
                Thread.sleep(DATABASE_DOWN.toMillis());
                restart[1] = Instant.now();
                Postgres.start();
                restart[2] = Instant.now();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            restarter.start();
            drive.run(6, Duration.ofMinutes(2));
            restarter.join();
        } finally {
            Postgres.ensureRunning();
        }
        awaitTrue(Duration.ofSeconds(90), () -> db.count("select count(*) from act_ru_job where process_def_key_ = 'RelLoad'") == 0);

        report("PostgreSQL stopped (immediate shutdown) under 200 completions at both nodes, started again %d ms later,"
                + " ready after %d ms more: %s; acknowledged before the stop %d, after the start began %d",
                Duration.between(restart[0], restart[1]).toMillis(), Duration.between(restart[1], restart[2]).toMillis(),
                drive.summary(), drive.acknowledged().size() - drive.acknowledgedAfter(restart[0]),
                drive.acknowledgedAfter(restart[1]));
        assertThat(a.alive() && b.alive()).as("both nodes kept running").isTrue();
        assertThat(drive.acknowledgedAfter(restart[1])).as("completions acknowledged after the restart").isPositive();
        assertAcknowledgedAndConsistent(instances, drive);
        drive.assertNoServerErrors();
    }

    @Test
    @Order(6)
    void killingANodeMidwayLosesNothingAndItsJobsAreTakenOver() throws Exception {
        List<String> instances = parallel(4, IntStream.range(0, 500).boxed().toList(),
                i -> start(node(i), "RelLoad", "kill-" + i, Map.of("runs", 0L)));
        Drive drive = new Drive(tasksOf(instances, "Task_First"), List.of(a, b));
        List<String> orphaned = Collections.synchronizedList(new ArrayList<>());
        Instant[] killedAt = new Instant[1];
        // killed at a moment it holds locked jobs: frozen first (kill -STOP), so that the jobs it holds can be
        // read while it can finish none of them (a commit already sent is given time to land), resumed and
        // tried again if it holds none; a quick job executor finishes a job in milliseconds
        Thread killer = new Thread(() -> {
            try {
                drive.awaitAcknowledged(150);
                Instant give = Instant.now().plusSeconds(20);
                List<String> held = List.of();
                while (held.isEmpty() && Instant.now().isBefore(give)) {
                    b.freeze();
                    Thread.sleep(200);
                    held = db.strings("select id_ from act_ru_job where lock_owner_ = 'node-b'");
                    if (held.isEmpty()) {
                        b.resume();
                        Thread.sleep(50);
                    }
                }
                b.kill();
                killedAt[0] = Instant.now();
                orphaned.addAll(held);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        killer.start();
        drive.run(8, Duration.ofMinutes(2));
        killer.join();
        awaitTrue(Duration.ofSeconds(LOCK_SECONDS * 4L),
                () -> db.count("select count(*) from act_ru_job where process_def_key_ = 'RelLoad'") == 0);
        long takenOverIn = Duration.between(killedAt[0], Instant.now()).toSeconds();

        long takenOver = orphaned.isEmpty() ? 0 : db.count("select count(distinct job_id_) from act_hi_job_log where job_state_ = 2"
                + " and hostname_ = 'node-a' and job_id_ = any (?)", (Object) orphaned.toArray(String[]::new));
        report("kill -9 of node-b during 500 completions at both nodes: %s; jobs node-b held when killed %d,"
                + " finished by node-a %d, all jobs done %d s after the kill (lock time %d s)",
                drive.summary(), orphaned.size(), takenOver, takenOverIn, LOCK_SECONDS);
        assertThat(b.alive()).isFalse();
        assertThat(orphaned).as("node-b held locked jobs when killed").isNotEmpty();
        assertThat(takenOver).isEqualTo(orphaned.size());
        assertThat(db.count("select count(*) from act_ru_job where lock_owner_ = 'node-b'")).isZero();
        assertAcknowledgedAndConsistent(instances, drive);
        drive.assertNoServerErrors();
    }

    // ---- checks

    /**
     * Every acknowledged completion is in the history and gone from the open tasks; each instance is
     * whole: its first task either open and never completed, or completed once with the asynchronous
     * step run once and the second task open once.
     */
    private void assertAcknowledgedAndConsistent(List<String> instances, Drive drive) throws Exception {
        String[] acknowledged = drive.acknowledged().toArray(String[]::new);
        String[] all = instances.toArray(String[]::new);
        long inHistory = db.count("select count(*) from act_hi_taskinst where id_ = any (?) and delete_reason_ = 'completed'"
                + " and end_time_ is not null", (Object) acknowledged);
        long stillOpen = db.count("select count(*) from act_ru_task where id_ = any (?)", (Object) acknowledged);
        long halfWritten = db.count("select count(*) from act_hi_taskinst h join act_ru_task r on r.id_ = h.id_"
                + " where h.proc_inst_id_ = any (?) and h.end_time_ is not null", (Object) all);
        long completedFirst = db.count("select count(*) from act_hi_taskinst where proc_inst_id_ = any (?)"
                + " and task_def_key_ = 'Task_First' and delete_reason_ = 'completed'", (Object) all);
        long openFirst = db.count("select count(*) from act_ru_task where proc_inst_id_ = any (?) and task_def_key_ = 'Task_First'",
                (Object) all);
        long openSecond = db.count("select count(*) from act_ru_task where proc_inst_id_ = any (?) and task_def_key_ = 'Task_Second'",
                (Object) all);
        long steps = db.count("select count(*) from act_hi_actinst where proc_inst_id_ = any (?) and act_id_ = 'Task_Record'"
                + " and end_time_ is not null", (Object) all);
        long runsOnce = db.count("select count(*) from act_ru_variable where proc_inst_id_ = any (?) and name_ = 'runs'"
                + " and long_ = 1", (Object) all);
        report("  checked: %d acknowledged completions, %d in the history, %d still open; instances %d: first task"
                + " completed %d + open %d, asynchronous step %d (counted once in %d), second task open %d, half-written %d",
                acknowledged.length, inHistory, stillOpen, all.length, completedFirst, openFirst, steps, runsOnce,
                openSecond, halfWritten);
        assertThat(inHistory).isEqualTo(acknowledged.length);
        assertThat(stillOpen).isZero();
        assertThat(halfWritten).isZero();
        assertThat(completedFirst + openFirst).isEqualTo(all.length);
        assertThat(completedFirst).isEqualTo(all.length);
        assertThat(steps).isEqualTo(completedFirst);
        assertThat(runsOnce).isEqualTo(completedFirst);
        assertThat(openSecond).isEqualTo(completedFirst);
    }

    // ---- helpers

    private Node node(int i) {
        return i % 2 == 0 ? a : b;
    }

    private void createGroup(String group, List<String> users) throws Exception {
        ok(a.rest.post("/group/create", Map.of("id", group, "name", "可靠性测试组 " + group, "type", "WORKFLOW")));
        for (String user : users) {
            ok(a.rest.post("/user/create", Map.of(
                    "profile", Map.of("id", user, "firstName", "测试", "lastName", user, "email", user + "@example.org"),
                    "credentials", Map.of("password", PASSWORD))));
            ok(a.rest.put("/group/" + group + "/members/" + user));
        }
    }

    private static void deploy(Node node, String name, String bpmn) throws Exception {
        ok(node.rest.deploy(name, name + ".bpmn", bpmn));
    }

    private String start(Node node, String key, String businessKey) throws Exception {
        return start(node, key, businessKey, Map.of("runs", 0L));
    }

    private static String start(Node node, String key, String businessKey, Map<String, Object> variables) throws Exception {
        Map<String, Object> body = new java.util.HashMap<>(Rest.variables(variables));
        body.put("businessKey", businessKey);
        return ok(node.rest.post("/process-definition/key/" + key + "/start", body)).json().get("id").asText();
    }

    private String openTask(String instance, String taskKey) throws Exception {
        return db.strings("select id_ from act_ru_task where proc_inst_id_ = ? and task_def_key_ = ?", instance, taskKey)
                .stream().findFirst().orElseThrow(() -> new AssertionError("no open " + taskKey + " in " + instance));
    }

    private String awaitOpenTask(String instance, String taskKey, Duration timeout) throws Exception {
        awaitTrue(timeout, () -> db.count("select count(*) from act_ru_task where proc_inst_id_ = ? and task_def_key_ = ?",
                instance, taskKey) > 0);
        return openTask(instance, taskKey);
    }

    private List<String> tasksOf(List<String> instances, String taskKey) throws Exception {
        return db.strings("select id_ from act_ru_task where proc_inst_id_ = any (?) and task_def_key_ = ?",
                instances.toArray(String[]::new), taskKey);
    }

    private static Rest.Answer ok(Rest.Answer answer) {
        assertThat(answer.ok()).as("answer %s", answer).isTrue();
        return answer;
    }

    interface Call<T> {
        T call(int i) throws Exception;
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    /** Calls at once from {@code n} threads released together. */
    private static <T> List<T> concurrently(int n, Call<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    gate.await();
                    return call.call(index);
                }));
            }
            gate.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(2, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T, R> List<R> parallel(int threads, List<T> items, Call<R> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                int index = i;
                futures.add(pool.submit(() -> call.call(index)));
            }
            List<R> results = new ArrayList<>();
            for (Future<R> future : futures) {
                results.add(future.get(5, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitTrue(Duration timeout, Condition condition) throws Exception {
        Instant until = Instant.now().plus(timeout);
        while (!condition.holds()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("not reached within " + timeout);
            }
            Thread.sleep(250);
        }
    }

    private static void report(String format, Object... args) {
        System.out.println("[reliability] " + format.formatted(args));
    }

    /**
     * Completes each task once, spread over the nodes, as users would: an answer 2xx is an
     * acknowledgement; a refused connection, a 503 or a timeout is tried again (on the next node
     * alive) until the task is completed or found completed (404: the earlier try was committed,
     * its answer lost).
     */
    final class Drive {

        private final ConcurrentLinkedQueue<String> tasks;
        private final List<Node> nodes;
        private final Map<String, Instant> acknowledged = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        private final List<String> serverErrors = Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger next = new AtomicInteger();
        private final int total;

        Drive(List<String> tasks, List<Node> nodes) {
            this.tasks = new ConcurrentLinkedQueue<>(tasks);
            this.nodes = nodes;
            this.total = tasks.size();
        }

        void run(int threads, Duration timeout) throws Exception {
            Instant until = Instant.now().plus(timeout);
            parallel(threads, IntStream.range(0, threads).boxed().toList(), t -> {
                for (String task = tasks.poll(); task != null; task = tasks.poll()) {
                    complete(task, until);
                }
                return null;
            });
            assertThat(tasks).as("tasks left undriven").isEmpty();
        }

        private void complete(String task, Instant until) throws Exception {
            while (Instant.now().isBefore(until)) {
                Node node = nodes.get(Math.floorMod(next.getAndIncrement(), nodes.size()));
                if (!node.alive()) {
                    continue;
                }
                String outcome;
                try {
                    Rest.Answer answer = node.rest.as("rel.crew", PASSWORD).post("/task/" + task + "/complete", Map.of());
                    outcome = Integer.toString(answer.status());
                    if (answer.ok()) {
                        acknowledged.put(task, Instant.now());
                        count("2xx");
                        return;
                    }
                    count(outcome);
                    if (answer.status() == 404) {
                        return;
                    }
                    if (answer.status() == 500) {
                        serverErrors.add(answer.toString());
                    }
                } catch (IOException e) {
                    count("no answer");
                }
                Thread.sleep(200);
            }
            throw new AssertionError("task " + task + " not completed in time");
        }

        private void count(String outcome) {
            outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
        }

        void awaitAcknowledged(int n) throws InterruptedException {
            while (acknowledged.size() < n && acknowledged.size() < total) {
                Thread.sleep(10);
            }
        }

        long acknowledgedAfter(Instant instant) {
            return acknowledged.values().stream().filter(t -> t.isAfter(instant)).count();
        }

        Set<String> acknowledged() {
            return acknowledged.keySet();
        }

        void assertNoServerErrors() {
            assertThat(serverErrors).as("answers 500").isEmpty();
        }

        String summary() {
            return "answers " + new TreeMap<>(outcomes.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get())));
        }
    }
}
