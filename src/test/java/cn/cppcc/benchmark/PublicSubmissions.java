package cn.cppcc.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Citizens submitting topics on the public page: {@code POST /api/public/topics} over HTTP on loopback,
 * from {@code clients} concurrent clients, each request a new topic of a citizen of 水口村 that starts
 * its intake process. The rate limit is raised for the benchmark (see {@link Benchmark}); every answer
 * must be 201.
 */
final class PublicSubmissions {

    record Result(int submissions, double seconds, Latencies latencies) {

        String line() {
            return String.format("public topic submissions: %d in %.1f s: %.1f/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms",
                    submissions, seconds, submissions / seconds, latencies.percentile(50), latencies.percentile(95),
                    latencies.percentile(99));
        }
    }

    private static final AtomicInteger SERIAL = new AtomicInteger();

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    PublicSubmissions(int port) {
        this.port = port;
    }

    Result run(int submissions, int clients) throws Exception {
        for (int i = 0; i < Math.max(10, submissions / 10); i++) {
            submit(); // warm-up
        }
        Latencies latencies = new Latencies();
        AtomicInteger left = new AtomicInteger(submissions);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> runs = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            runs.add(pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    long begin = System.nanoTime();
                    submit();
                    latencies.record(begin);
                }
                return null;
            }));
        }
        for (Future<?> run : runs) {
            run.get();
        }
        pool.shutdown();
        return new Result(submissions, (System.nanoTime() - start) / 1e9, latencies);
    }

    private void submit() throws Exception {
        int n = SERIAL.incrementAndGet();
        String body = """
                {"name":"王小明","mobile":"138%08d","township":"yunling","village":"shuikou",\
                "title":"基准测试网络征题%d","description":"该问题已存在较长时间，影响周边群众出行和生活。","affectedCount":"200"}"""
                .formatted(n, n);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/public/topics"))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", "10.9." + (n / 250 % 250) + "." + (n % 250 + 1))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("网络征题提交失败：" + answer.statusCode() + " " + answer.body());
        }
    }
}
