package cn.cppcc.consult.reliability;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One application node: the packaged jar ({@code spring-boot:repackage}) started as an operating
 * system process of its own on a free port, pointed at the suite's database, its output in
 * {@code target/reliability/<name>.log}.
 */
final class Node {

    final String name;
    final int port;
    final Rest rest;
    private final Process process;
    private final File log;

    private Node(String name, int port, Process process, File log, String password) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
        this.rest = new Rest("http://127.0.0.1:" + port + "/engine-rest", "admin", password);
    }

    static Node start(String name, File jar, String jdbcUrl, String user, String dbPassword, String adminPassword,
            List<String> settings) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        File log = new File("target/reliability/" + name + ".log");
        log.getParentFile().mkdirs();
        List<String> command = new ArrayList<>(List.of(
                System.getProperty("java.home") + "/bin/java", "-Xmx512m", "-XX:+UseSerialGC",
                "-Dfile.encoding=UTF-8", "-jar", jar.getAbsolutePath(),
                "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + dbPassword,
                "--consult.cluster.node-id=" + name));
        command.addAll(settings);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log));
        builder.environment().put("CONSULT_ADMIN_PASSWORD", adminPassword);
        builder.environment().remove("SPRING_DATASOURCE_URL");
        return new Node(name, port, builder.start(), log, adminPassword);
    }

    /** Waits until the engine REST API answers, or fails naming the log. */
    Node awaitReady(Duration timeout) throws InterruptedException {
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ", see " + log);
            }
            try {
                if (rest.get("/engine").status() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " not ready after " + timeout + ", see " + log);
    }

    /** Waits until the node's log shows {@code text} (e.g. the engine created, its schema in place). */
    Node awaitLog(String text, Duration timeout) throws IOException, InterruptedException {
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ", see " + log);
            }
            if (log.exists() && java.nio.file.Files.readString(log.toPath()).contains(text)) {
                return this;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " did not log " + text + " within " + timeout + ", see " + log);
    }

    /** {@code kill -9}: no shutdown hook, no connection closed, no lock released. */
    void kill() throws IOException, InterruptedException {
        signal("-9");
        process.waitFor();
    }

    /** {@code kill -STOP}: the process runs nothing more until {@link #resume()}d or killed. */
    void freeze() throws IOException, InterruptedException {
        signal("-STOP");
    }

    void resume() throws IOException, InterruptedException {
        signal("-CONT");
    }

    private void signal(String signal) throws IOException, InterruptedException {
        new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start().waitFor();
    }

    boolean alive() {
        return process.isAlive();
    }

    void stop() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    @Override
    public String toString() {
        return name + ":" + port;
    }
}
