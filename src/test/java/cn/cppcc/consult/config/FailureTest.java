package cn.cppcc.consult.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** How a failure is told to the user, found through the wrappers the engine, MyBatis and Spring put around it. */
class FailureTest {

    @Test
    void aLostRaceIsAConflict() {
        Failure claimed = Failure.of(new TaskAlreadyClaimedException("t1", "yunling.party"), true);
        Failure concurrent = Failure.of(new RestException(jakarta.ws.rs.core.Response.Status.INTERNAL_SERVER_ERROR,
                new OptimisticLockingException("ENGINE-03005 Execution of 'DELETE TaskEntity[t1]' failed"), "Cannot complete"), true);

        assertThat(claimed.status()).isEqualTo(409);
        assertThat(claimed.message()).isEqualTo("该任务已由“yunling.party”认领，不能再认领；请刷新任务列表");
        assertThat(concurrent.status()).isEqualTo(409);
        assertThat(concurrent.message()).isEqualTo(Failure.CONCURRENT_TASK);
        assertThat(Failure.of(new OptimisticLockingException("x"), false).message()).isEqualTo(Failure.CONCURRENT);
    }

    @Test
    void aTaskDoneMeanwhileIsGoneWhateverTheEngineSaid() {
        Failure gone = Failure.taskGone("t1", new AuthorizationException("rel.u01", "TASK_WORK", "Task", "t1"));

        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.message()).isEqualTo(Failure.TASK_GONE);
        assertThat(gone.cause()).isInstanceOf(NotFoundException.class).hasCauseInstanceOf(AuthorizationException.class);
        // whether the task is gone is asked of the engine (EngineRestErrors), not read from a message
        assertThat(Failure.of(new NullValueException("Cannot find task with id t1: task is null"), true)).isNull();
    }

    @Test
    void theDatabaseAwayIsUnavailable() {
        SQLException lost = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        SQLException shutdown = new SQLException("terminating connection due to administrator command", "57P01");
        SQLTransientConnectionException poolTimeout = new SQLTransientConnectionException("HikariPool-1 - Connection is not available");

        for (Throwable e : new Throwable[] {
                new ProcessEngineException("flush failed", new PersistenceException(lost)),
                new ProcessEngineException("select failed", new PersistenceException(shutdown)),
                new CannotCreateTransactionException("Could not open JDBC Connection", poolTimeout),
                new ProcessEngineException("An exception occurred in the persistence layer",
                        new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed")))}) {
            Failure failure = Failure.of(e, true);
            assertThat(failure.status()).isEqualTo(503);
            assertThat(failure.message()).isEqualTo("数据库暂时无法连接，请稍后重试");
        }
    }

    @Test
    void ourApisAnswerTheSame() {
        ApiErrors api = new ApiErrors(org.springframework.util.unit.DataSize.ofMegabytes(1));

        var conflict = api.failed(new OptimisticLockingException("x"));
        var away = api.failed(new CannotCreateTransactionException("Could not open JDBC Connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")));
        var other = api.failed(new ProcessEngineException("Unknown property used in expression"));

        assertThat(conflict.getStatusCode().value()).isEqualTo(409);
        assertThat(conflict.getBody()).containsEntry("message", Failure.CONCURRENT);
        assertThat(away.getStatusCode().value()).isEqualTo(503);
        assertThat(away.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(away.getBody()).containsEntry("message", Failure.DATABASE_DOWN);
        assertThat(other.getStatusCode().value()).isEqualTo(500);
        assertThat(other.getBody().get("message")).startsWith("服务器内部错误");
    }

    @Test
    void otherErrorsAreNoneOfThese() {
        assertThat(Failure.of(new ProcessEngineException("Unknown property used in expression"), true)).isNull();
        assertThat(Failure.of(new ProcessEngineException("bad sql", new SQLException("syntax error", "42601")), true)).isNull();
    }
}
