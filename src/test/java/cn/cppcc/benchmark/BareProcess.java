package cn.cppcc.benchmark;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;

/**
 * The bare process the consultation is compared with: as many user tasks in a row as a consultation
 * has on its main line, each offered to the group in variable {@code group}, nothing else. Deployed by
 * the benchmark only (it is not a model of the platform, so it is not in {@code processes/}), with
 * everyone allowed to start it, as an administrator would grant it in Admin.
 */
final class BareProcess {

    static final String KEY = "BenchmarkBareProcess";
    static final String GROUP = "group";

    private BareProcess() {
    }

    static void deploy(RepositoryService repository, AuthorizationService authorizations, int userTasks) {
        AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(KEY).name("基准测试：空流程")
                .camundaHistoryTimeToLive(1).startEvent("Event_Start");
        for (int i = 1; i <= userTasks; i++) {
            flow = flow.userTask("Task_Step" + i).name("步骤" + i).camundaCandidateGroups("${" + GROUP + "}");
        }
        BpmnModelInstance model = flow.endEvent("Event_End").done();
        repository.createDeployment().name("benchmark").addModelInstance(KEY + ".bpmn", model)
                .enableDuplicateFiltering(true).deploy();
        if (authorizations.createAuthorizationQuery().resourceType(Resources.PROCESS_DEFINITION).resourceId(KEY)
                .userIdIn(Authorization.ANY).count() == 0) {
            Authorization start = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
            start.setResource(Resources.PROCESS_DEFINITION);
            start.setResourceId(KEY);
            start.addPermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
            authorizations.saveAuthorization(start);
        }
    }
}
