package cn.cppcc.consult.config;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * This node's name in a cluster ({@code consult.cluster.node-id}, environment {@code CONSULT_NODE_ID}):
 * the job executor's lock owner (column {@code LOCK_OWNER_} of {@code ACT_RU_JOB}, so one sees which
 * node holds a job), the engine's host name (column {@code HOSTNAME_} of the job log, which node ran a
 * job) and a field of every log line. Several nodes on one database need distinct names; left empty,
 * Camunda's defaults apply (a random lock owner, the node's IP address in the job log).
 */
@Component
public class ClusterNode extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(ClusterNode.class);

    private final String nodeId;

    ClusterNode(@Value("${consult.cluster.node-id:}") String nodeId) {
        this.nodeId = nodeId == null ? "" : nodeId.strip();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (StringUtils.hasText(nodeId)) {
            configuration.setHostname(nodeId);
        }
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (StringUtils.hasText(nodeId) && configuration.getJobExecutor() != null) {
            configuration.getJobExecutor().setLockOwner(nodeId);
        }
        log.info("Cluster node {}: job executor lock owner {}, deployment-aware {}",
                StringUtils.hasText(nodeId) ? nodeId : "(unnamed)",
                configuration.getJobExecutor() == null ? "-" : configuration.getJobExecutor().getLockOwner(),
                configuration.isJobExecutorDeploymentAware());
    }
}
