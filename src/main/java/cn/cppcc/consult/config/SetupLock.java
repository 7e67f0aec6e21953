package cn.cppcc.consult.config;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Work done by one node of a cluster at a time (set-up at start, the nightly anonymisation): the
 * transaction doing it first locks the work's row of {@code setup_lock} (rows inserted by the
 * migrations), so another node waits for it and then finds the work done.
 */
@Component
public class SetupLock {

    private final JdbcClient jdbc;

    SetupLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks row {@code name} until the current transaction ends; there must be one. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void take(String name) {
        jdbc.sql("select name from setup_lock where name = ? for update").param(name).query(String.class).single();
    }
}
