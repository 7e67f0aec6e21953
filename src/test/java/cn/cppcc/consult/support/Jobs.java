package cn.cppcc.consult.support;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Runs a process instance's due jobs (asynchronous steps) as the job executor would: tests have none.
 * Not a bean: a test bean that needs only the engine would start it before Flyway has made the schema.
 */
public final class Jobs {

    private Jobs() {
    }

    /** Executes the instance's executable jobs until none is left (a job may create the next). */
    public static void runAll(ManagementService managementService, String processInstanceId) {
        for (int round = 0; round < 20; round++) {
            List<Job> jobs = managementService.createJobQuery().processInstanceId(processInstanceId).executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> managementService.executeJob(job.getId()));
        }
        throw new IllegalStateException("作业未执行完：" + processInstanceId);
    }
}
