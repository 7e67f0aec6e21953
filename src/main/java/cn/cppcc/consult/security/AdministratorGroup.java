package cn.cppcc.consult.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The administrators' group ({@code camunda-admin}) that the Camunda starter creates with the
 * administrator account is named "camunda BPM Administrators", of type "SYSTEM", and Admin lists it
 * so. On start, the group still named by the starter gets its Chinese name and type; a name an
 * administrator gave it later is kept.
 */
@Component
class AdministratorGroup {

    static final String STARTER_NAME = "camunda BPM Administrators";
    static final String NAME = "系统管理员";
    static final String TYPE = "系统";

    private final IdentityService identityService;

    AdministratorGroup(IdentityService identityService) {
        this.identityService = identityService;
    }

    @EventListener(ApplicationReadyEvent.class)
    void nameInChinese() {
        Group group = identityService.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).singleResult();
        if (group == null || !STARTER_NAME.equals(group.getName())) {
            return;
        }
        group.setName(NAME);
        group.setType(TYPE);
        try {
            identityService.saveGroup(group);
        } catch (OptimisticLockingException e) {
            // another node of the cluster, starting at the same time, renamed it
        }
    }
}
