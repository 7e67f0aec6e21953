package cn.cppcc.consult.reliability;

import java.io.File;
import java.io.IOException;
import java.util.List;

/**
 * The local PostgreSQL server of a Debian machine, driven by {@code pg_ctlcluster} as its administrator
 * would: stopped with an immediate shutdown (what a crash or a power cut leaves), and started again
 * whatever happens, so nothing after the suite finds it down.
 */
final class Postgres {

    private static final File CLUSTERS = new File("/etc/postgresql");

    private Postgres() {
    }

    static boolean canRestart() {
        return CLUSTERS.isDirectory() && version() != null && new File("/usr/bin/pg_ctlcluster").canExecute();
    }

    /** Stops the server at once, as a crash does: no checkpoint, open connections cut. */
    static void stopImmediately() throws IOException, InterruptedException {
        run("pg_ctlcluster", "--skip-systemctl-redirect", version(), "main", "stop", "-m", "immediate");
    }

    /** Starts the server (crash recovery first) and returns once it accepts connections. */
    static void start() throws IOException, InterruptedException {
        run("pg_ctlcluster", "--skip-systemctl-redirect", version(), "main", "start");
        awaitReady();
    }

    static void ensureRunning() throws IOException, InterruptedException {
        if (!canRestart() || ready()) {
            return;
        }
        start();
    }

    private static void awaitReady() throws IOException, InterruptedException {
        for (int i = 0; i < 60 && !ready(); i++) {
            Thread.sleep(500);
        }
    }

    private static boolean ready() throws IOException, InterruptedException {
        return new ProcessBuilder("pg_isready", "-h", "127.0.0.1", "-p", "5432", "-q").start().waitFor() == 0;
    }

    private static String version() {
        String[] versions = CLUSTERS.list();
        return versions == null || versions.length != 1 ? null : versions[0];
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue());
        }
    }
}
