package cn.cppcc.consult.config;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * A request's failure that the user should read as what it is, not as a server error: lost a race
 * with another user (409), found its task already done (404, see {@link #taskGone}), or found the
 * database away (503).
 * Looked for along the exception's causes, as the engine, MyBatis and Spring wrap them. Shared by the
 * engine REST API ({@link EngineRestErrors}) and our own APIs ({@link ApiErrors}).
 *
 * @param status HTTP status
 * @param cause the exception found, whose type the answer names
 * @param message what the user reads
 */
public record Failure(int status, Throwable cause, String message) {

    public static final int CONFLICT = 409;
    public static final int NOT_FOUND = 404;
    public static final int UNAVAILABLE = 503;
    /** How long a client is asked to wait ({@code Retry-After}) before trying again when the database is away. */
    public static final int RETRY_AFTER_SECONDS = 5;

    static final String CLAIMED = "该任务已由“%s”认领，不能再认领；请刷新任务列表";
    static final String CONCURRENT_TASK = "该任务刚被他人认领或办理，本次操作未生效；请刷新后再看";
    static final String CONCURRENT = "数据刚被他人修改，本次操作未生效；请刷新后重试";
    static final String TASK_GONE = "该任务已办理完毕或不存在；请刷新任务列表";
    static final String DATABASE_DOWN = "数据库暂时无法连接，请稍后重试";

    /**
     * @param taskAction whether the request acts on one task (claim, complete, submit its form), so
     *        that a lost race is told as one on the task
     * @return the failure, or null when the exception is none of these
     */
    public static Failure of(Throwable exception, boolean taskAction) {
        TaskAlreadyClaimedException claimed = find(exception, TaskAlreadyClaimedException.class);
        if (claimed != null) {
            return new Failure(CONFLICT, claimed, CLAIMED.formatted(claimed.getTaskAssignee()));
        }
        OptimisticLockingException concurrent = find(exception, OptimisticLockingException.class);
        if (concurrent != null) {
            return new Failure(CONFLICT, concurrent, taskAction ? CONCURRENT_TASK : CONCURRENT);
        }
        Throwable outage = outage(exception);
        if (outage != null) {
            return new Failure(UNAVAILABLE, outage, DATABASE_DOWN);
        }
        return null;
    }

    /**
     * The task a request acted on no longer exists: done by someone else, perhaps while the request
     * ran (the caller has checked that it is gone). Named {@link NotFoundException} whatever the
     * engine threw.
     */
    public static Failure taskGone(String taskId, Throwable exception) {
        return new Failure(NOT_FOUND, new NotFoundException("Cannot find task " + taskId, exception), TASK_GONE);
    }

    static <T extends Throwable> T find(Throwable exception, Class<T> type) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    /**
     * The database cannot be reached: no connection from the pool in time, connection refused or
     * lost (SQL state class 08), or the server shutting down or starting (57P01-57P03).
     */
    static Throwable outage(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException) {
                return cause;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[1-3]"))) {
                return cause;
            }
            // the pool closes a connection the server dropped; the rollback that follows then fails with
            // "Connection is closed" and Spring reports that, keeping the first failure beside it
            if (cause instanceof TransactionSystemException rollback) {
                Throwable first = rollback.getApplicationException() == null ? null : outage(rollback.getApplicationException());
                if (first != null || rollback.getCause() instanceof SQLException closed
                        && "Connection is closed".equals(closed.getMessage())) {
                    return first != null ? first : rollback.getCause();
                }
            }
        }
        return null;
    }
}
