package cn.cppcc.consult.notification;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.beans.factory.ObjectProvider;

import cn.cppcc.consult.process.EngineClock;

/** The Camunda job type that delivers one outbox entry: its configuration is the delivery id. */
class DeliveryJobHandler implements JobHandler<DeliveryJobHandler.Configuration> {

    static final String TYPE = "consult-notification-delivery";

    private final ObjectProvider<DeliveryWorker> worker;
    private final ObjectProvider<DeliveryRepository> deliveries;

    DeliveryJobHandler(ObjectProvider<DeliveryWorker> worker, ObjectProvider<DeliveryRepository> deliveries) {
        this.worker = worker;
        this.deliveries = deliveries;
    }

    record Configuration(long deliveryId) implements JobHandlerConfiguration {

        @Override
        public String toCanonicalString() {
            return String.valueOf(deliveryId);
        }
    }

    @Override
    public String getType() {
        return TYPE;
    }

    @Override
    public void execute(Configuration configuration, ExecutionEntity execution, CommandContext commandContext,
            String tenantId) {
        worker.getObject().deliver(configuration.deliveryId());
    }

    @Override
    public Configuration newConfiguration(String canonicalString) {
        return new Configuration(Long.parseLong(canonicalString));
    }

    /** Called for every job deleted, executed ones included: only a delivery still waiting for this job is cancelled. */
    @Override
    public void onDelete(Configuration configuration, JobEntity job) {
        deliveries.getObject().jobDeleted(configuration.deliveryId(), job.getId(), EngineClock.now());
    }
}
