package cn.cppcc.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.filter.TypeFilter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import cn.cppcc.consult.ConsultPlatformApplication;

/**
 * The benchmark: the whole platform started on each database in turn (H2 in a file, then PostgreSQL in
 * a database created for the run and dropped after it), measured, and the figures printed side by
 * side. Run with {@code ./mvnw -Pbenchmark verify}; sizes and the engine's settings are system
 * properties (see README and BENCHMARKS.md), e.g. {@code -Dbenchmark.open=100000}
 * {@code -Dcamunda.bpm.history-level=audit}.
 */
public final class Benchmark {

    private static final Map<String, Map<String, String>> FIGURES = new LinkedHashMap<>();

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> databases = List.of(setting("benchmark.databases", "h2,postgres").split(","));
        List<String> parts = List.of(setting("benchmark.parts", "lifecycles,open,public").split(","));
        System.out.println(machine());
        for (String database : databases) {
            try (Database db = Database.create(database.strip())) {
                run(db, parts);
            }
        }
        print();
    }

    private static void run(Database db, List<String> parts) throws Exception {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(Platform.class).run(
                "--spring.datasource.url=" + db.url, "--spring.datasource.username=" + db.user,
                "--spring.datasource.password=", "--server.port=0", "--spring.profiles.active=" + db.profiles,
                "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                "--consult.demo.sample-consultations=false",
                "--consult.public.rate-limit.submissions=1000000000", "--consult.public.rate-limit.lookups=1000000000");
        try {
            Environment env = app.getEnvironment();
            figure(db, "settings", "history " + env.getProperty("camunda.bpm.history-level")
                    + ", jdbc batch " + env.getProperty("camunda.bpm.generic-properties.properties.jdbc-batch-processing",
                            env.getProperty("camunda.bpm.generic-properties.properties.jdbcBatchProcessing", "true"))
                    + ", ids " + env.getProperty("camunda.bpm.id-generator", "strong")
                    + ", pool " + env.getProperty("spring.datasource.hikari.maximum-pool-size", "10")
                    + ", job executor " + env.getProperty("camunda.bpm.job-execution.enabled", "true")
                    + ", eventing " + env.getProperty("camunda.bpm.eventing.task", "true"));
            figure(db, "load (uptime) before", load());
            BareProcess.deploy(app.getBean(RepositoryService.class), app.getBean(AuthorizationService.class),
                    Lifecycles.USER_TASKS);
            int threads = Integer.parseInt(setting("benchmark.threads", "2"));
            if (parts.contains("lifecycles")) {
                lifecycles(db, app, threads);
            }
            if (parts.contains("open")) {
                open(db, app, threads);
            }
            if (parts.contains("public")) {
                int submissions = Integer.parseInt(setting("benchmark.submissions", "1000"));
                int clients = Integer.parseInt(setting("benchmark.clients", "4"));
                int port = Integer.parseInt(env.getRequiredProperty("local.server.port"));
                PublicSubmissions.Result r = new PublicSubmissions(port).run(submissions, clients);
                System.out.println(db.name + ": " + r.line());
                figure(db, "public submissions/s (" + clients + " clients)", String.format("%.1f", r.submissions() / r.seconds()));
                figure(db, "public submission p50 / p99 ms", String.format("%.1f / %.1f", r.latencies().percentile(50),
                        r.latencies().percentile(99)));
            }
            figure(db, "load (uptime) after", load());
        } finally {
            app.close();
        }
    }

    private static void lifecycles(Database db, ConfigurableApplicationContext app, int threads) {
        int count = Integer.parseInt(setting("benchmark.lifecycles", "100"));
        Lifecycles lifecycles = new Lifecycles(app);
        lifecycles.compare(Math.max(2, count / 10), threads, 1); // warm-up: classes loaded, plans cached
        Lifecycles.Result[] results = lifecycles.compare(count, threads, Integer.parseInt(setting("benchmark.rounds", "5")));
        Lifecycles.Result consultation = results[0];
        Lifecycles.Result bare = results[1];
        System.out.println(db.name + ": " + consultation.line());
        System.out.println(db.name + ": " + bare.line());
        for (Lifecycles.Result r : List.of(consultation, bare)) {
            figure(db, r.name() + " lifecycles/s (" + threads + " threads)", String.format("%.2f", r.lifecyclesPerSecond()));
            figure(db, r.name() + " completions/s", String.format("%.1f", r.completionsPerSecond()));
            figure(db, r.name() + " completion p50 / p95 ms", String.format("%.1f / %.1f",
                    r.completions().percentile(50), r.completions().percentile(95)));
        }
        figure(db, "consultation / bare throughput (target >= 0.8)",
                String.format("%.2f", consultation.lifecyclesPerSecond() / bare.lifecyclesPerSecond()));
    }

    private static void open(Database db, ConfigurableApplicationContext app, int threads) throws Exception {
        int open = Integer.parseInt(setting("benchmark.open", "100000"));
        int townships = Integer.parseInt(setting("benchmark.townships", "100"));
        int runs = Integer.parseInt(setting("benchmark.runs", "200"));
        OpenWork work = new OpenWork(app, townships, open);
        double[] seconds = work.load(Integer.parseInt(setting("benchmark.load-threads", String.valueOf(threads + 1))));
        System.out.printf("%s: loaded %d townships in %.1f s, %d instances in %.1f s, records in %.1f s%n", db.name,
                townships, seconds[0], open, seconds[1], seconds[2]);
        figure(db, "load: " + open + " instances started", String.format("%.0f s (%.0f/s)", seconds[1], open / seconds[1]));
        figure(db, "load: " + open + " consultation records", String.format("%.1f s", seconds[2]));
        Latencies[] tasklist = work.tasklist(runs);
        figure(db, "Tasklist page of 15, p50 / p95 ms (target p95 < 50)", p50p95(tasklist[0]));
        figure(db, "Tasklist count, p50 / p95 ms", p50p95(tasklist[1]));
        work.stalled(runs).forEach((name, latencies) ->
                figure(db, "stalled view: " + name + ", p50 / p95 ms (target < 200)", p50p95(latencies)));
    }

    private static String p50p95(Latencies l) {
        return String.format("%.1f / %.1f", l.percentile(50), l.percentile(95));
    }

    private static void figure(Database db, String name, String value) {
        FIGURES.computeIfAbsent(name, n -> new LinkedHashMap<>()).put(db.name, value);
    }

    private static void print() {
        List<String> databases = FIGURES.values().stream().flatMap(v -> v.keySet().stream()).distinct().toList();
        int width = FIGURES.keySet().stream().map(String::length).max(Comparator.naturalOrder()).orElse(10);
        StringBuilder out = new StringBuilder("\n== Benchmark\n");
        out.append(String.format("%-" + width + "s", ""));
        databases.forEach(d -> out.append(" | ").append(String.format("%-28s", d)));
        out.append('\n');
        FIGURES.forEach((name, values) -> {
            out.append(String.format("%-" + width + "s", name));
            databases.forEach(d -> out.append(" | ").append(String.format("%-28s", values.getOrDefault(d, ""))));
            out.append('\n');
        });
        System.out.println(out);
    }

    private static String machine() throws IOException {
        long ram = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return String.format("machine: %d cores, %.1f GB RAM, Java %s (%s)", Runtime.getRuntime().availableProcessors(),
                ram / 1e9, System.getProperty("java.version"), System.getProperty("java.vm.name"));
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip().replaceAll("^(\\S+ \\S+ \\S+).*", "$1");
        } catch (IOException e) {
            return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static String setting(String name, String otherwise) {
        return System.getProperty(name, otherwise);
    }

    /**
     * The platform as {@link ConsultPlatformApplication} starts it: the main code's components only,
     * not the tests' helpers that share its packages on this class path. (Outside the platform's
     * packages, so that neither the tests' search for the application nor its component scan finds it.)
     */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @ComponentScan(basePackageClasses = ConsultPlatformApplication.class, excludeFilters = {
            @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TestClasses.class),
            @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class)})
    static class Platform {
    }

    static final class TestClasses implements TypeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            return reader.getResource().getURL().toString().contains("/test-classes/")
                    || reader.getClassMetadata().getClassName().equals(ConsultPlatformApplication.class.getName());
        }
    }

    /** A database of the run's own: H2 in a fresh file, or a fresh PostgreSQL database, dropped afterwards. */
    private static final class Database implements AutoCloseable {

        final String name;
        final String url;
        final String user;
        /** The demo organisation, and on PostgreSQL the production settings of application-postgres.yaml. */
        final String profiles;
        private final Runnable drop;

        private Database(String name, String url, String user, Runnable drop) {
            this.name = name;
            this.url = url;
            this.user = user;
            this.profiles = name.equals("H2") ? "demo" : "demo,postgres";
            this.drop = drop;
        }

        static Database create(String kind) throws Exception {
            String run = "bench_" + System.currentTimeMillis();
            if (kind.equals("h2")) {
                Path dir = Path.of("target", "benchmark", run).toAbsolutePath();
                return new Database("H2", "jdbc:h2:file:" + dir.resolve("consult") + ";DB_CLOSE_ON_EXIT=FALSE", "sa",
                        () -> delete(dir));
            }
            if (!kind.equals("postgres")) {
                throw new IllegalArgumentException("未知的数据库：" + kind + "（h2 或 postgres）");
            }
            String server = "jdbc:postgresql://" + setting("benchmark.pg", "127.0.0.1:5432") + "/";
            String user = setting("benchmark.pg-user", "postgres");
            admin(server, user, "create database " + run);
            String version = admin(server, user, null);
            System.out.println("PostgreSQL " + version + ", database " + run);
            boolean keep = Boolean.getBoolean("benchmark.keep"); // to look at plans afterwards (psql, EXPLAIN)
            return new Database("PostgreSQL", server + run, user, () -> {
                if (!keep) {
                    admin(server, user, "drop database if exists " + run + " with (force)");
                }
            });
        }

        private static String admin(String server, String user, String sql) {
            try (Connection c = DriverManager.getConnection(server + "postgres", user, "")) {
                if (sql != null) {
                    c.createStatement().execute(sql);
                    return null;
                }
                return c.getMetaData().getDatabaseProductVersion();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        private static void delete(Path dir) {
            try (var files = Files.walk(dir)) {
                List<Path> all = new ArrayList<>(files.toList());
                all.sort(Comparator.reverseOrder());
                for (Path p : all) {
                    Files.delete(p);
                }
            } catch (IOException e) {
                System.err.println("未能删除 " + dir + "：" + e.getMessage());
            }
        }

        @Override
        public void close() {
            drop.run();
        }
    }
}
