package cn.cppcc.consult.notification;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cmd.JobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.beans.factory.ObjectProvider;

import cn.cppcc.consult.process.EngineClock;

/**
 * What the engine does when a delivery job fails (in a transaction of its own, after the job's
 * has rolled back): one retry fewer, the next attempt after the next wait of the backoff, the
 * failure written to the delivery; with no retries left (or a permanent failure) the engine raises
 * an incident and the delivery shows as failed. Other jobs keep the engine's own retry strategy.
 */
class DeliveryRetryCmd extends JobRetryCmd {

    private final List<Duration> backoff;
    private final DeliveryRepository deliveries;

    DeliveryRetryCmd(String jobId, Throwable exception, List<Duration> backoff, DeliveryRepository deliveries) {
        super(jobId, exception);
        this.backoff = backoff;
        this.deliveries = deliveries;
    }

    @Override
    public Object execute(CommandContext commandContext) {
        JobEntity job = getJob();
        if (job == null) {
            return null;
        }
        DeliveryException failure = DeliveryException.in(exception);
        logException(job);
        if (failure != null && failure.isPermanent()) {
            job.setRetries(0);
        } else {
            decrementRetries(job);
        }
        OffsetDateTime now = EngineClock.now();
        OffsetDateTime next = null;
        if (job.getRetries() > 0) {
            int index = Math.max(0, Math.min(backoff.size() - 1, backoff.size() - job.getRetries()));
            next = now.plus(backoff.get(index));
            job.setDuedate(Date.from(next.toInstant()));
        }
        job.unlock();
        notifyAcquisition(commandContext);
        if (!(exception instanceof OptimisticLockingException)) {
            String error = failure != null ? failure.getMessage() : EmailSender.rootMessage(exception);
            deliveries.failedAttempt(job.getId(), error, job.getRetries(), next, now);
        }
        return null;
    }

    /** Delivery jobs get this command, every other job the factory the engine had. */
    static final class Factory implements FailedJobCommandFactory {

        private final FailedJobCommandFactory others;
        private final NotificationProperties properties;
        private final ObjectProvider<DeliveryRepository> deliveries;

        Factory(FailedJobCommandFactory others, NotificationProperties properties,
                ObjectProvider<DeliveryRepository> deliveries) {
            this.others = others;
            this.properties = properties;
            this.deliveries = deliveries;
        }

        @Override
        public Command<Object> getCommand(String jobId, Throwable exception) {
            Command<Object> delivery = commandContext -> {
                JobEntity job = commandContext.getJobManager().findJobById(jobId);
                Command<Object> command = job != null && DeliveryJobHandler.TYPE.equals(job.getJobHandlerType())
                        ? new DeliveryRetryCmd(jobId, exception, properties.getRetryBackoff(), deliveries.getObject())
                        : others.getCommand(jobId, exception);
                return command.execute(commandContext);
            };
            return delivery;
        }
    }
}
