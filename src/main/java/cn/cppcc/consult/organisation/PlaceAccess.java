package cn.cppcc.consult.organisation;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Who may see what in the engine, mirrored from the organisation tree.
 *
 * <ul>
 *   <li>Every place is a Camunda tenant (id = the place's code). A process instance belongs to the
 *       tenant of its consultation's or topic's place ({@code security.PlaceTenantIdProvider}); its
 *       tasks, variables, jobs and history carry that tenant. Process definitions are shared.</li>
 *   <li>Every role group of a place is a member of the tenant of that place and of every place below
 *       it: a township's staff see their township and its villages, a county's the whole county, a
 *       village only itself. A user added to a group (here or in Admin) gets the group's places.</li>
 *   <li>Each role group may use Tasklist and Cockpit, read (within its tenants) process instances,
 *       their history and every task, read definitions, users and groups, evaluate the rule tables
 *       our pages consult, and start the processes that have a start form (the register steps then
 *       decide, by the routing table, who may start what where). Claiming and completing a task
 *       needs the task's own grant, which the engine gives the task's candidate groups and assignee.
 *       Deploying stays with {@code camunda-admin}.</li>
 * </ul>
 * Which Tasklist filters a group sees is granted with the filters ({@code supervision.TasklistFilters}).
 * Everything here is idempotent: {@link #mirrorAll()} brings an existing database up to date.
 */
@Component
public class PlaceAccess {

    /** The processes people start from Tasklist (start forms); all others are started by the platform. */
    public static final List<String> STARTABLE = List.of("Consultation", "TopicIntake", "AnnualPlan", "TemporaryTopic",
            "EmergencyTopic", "TownshipAssessment");

    /** The rule tables our pages evaluate on a user's behalf (who works where, time limits). */
    public static final List<String> CONSULTED = List.of("TaskRouting", "StageDeadlines", "TransferDeadlines");

    private record Grant(Resource resource, String resourceId, Permission... permissions) {
    }

    private static List<Grant> grants() {
        List<Grant> grants = new ArrayList<>(List.of(
                new Grant(Resources.APPLICATION, "tasklist", Permissions.ACCESS),
                new Grant(Resources.APPLICATION, "cockpit", Permissions.ACCESS),
                new Grant(Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                        ProcessDefinitionPermissions.READ_TASK),
                new Grant(Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ,
                        ProcessInstancePermissions.CREATE),
                new Grant(Resources.TASK, ANY, TaskPermissions.READ),
                new Grant(Resources.DECISION_DEFINITION, ANY, Permissions.READ),
                new Grant(Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ),
                new Grant(Resources.USER, ANY, Permissions.READ),
                new Grant(Resources.GROUP, ANY, Permissions.READ),
                new Grant(Resources.TENANT, ANY, Permissions.READ)));
        STARTABLE.forEach(key -> grants.add(new Grant(Resources.PROCESS_DEFINITION, key,
                ProcessDefinitionPermissions.CREATE_INSTANCE)));
        CONSULTED.forEach(key -> grants.add(new Grant(Resources.DECISION_DEFINITION, key,
                Permissions.CREATE_INSTANCE)));
        return grants;
    }

    private final PlaceRepository places;
    private final IdentityService identityService;
    private final AuthorizationService authorizationService;

    PlaceAccess(PlaceRepository places, IdentityService identityService, AuthorizationService authorizationService) {
        this.places = places;
        this.identityService = identityService;
        this.authorizationService = authorizationService;
    }

    /** A new place: its tenant, with every role group of the place and the places above it as members. */
    public void placeAdded(Place place) {
        ensureTenant(place);
        for (Place p = place; p != null; p = p.parentCode() == null ? null : places.find(p.parentCode()).orElse(null)) {
            for (String groupId : places.findGroupIds(p.code())) {
                ensureMembership(place.code(), groupId);
            }
        }
    }

    /** A new role group at {@code placeCode}: member of the tenants of that place and of its subtree; its grants. */
    public void roleAdded(String groupId, String placeCode) {
        for (String code : places.findSubtree(placeCode)) {
            ensureMembership(code, groupId);
        }
        grant(groupId);
    }

    /** Every place, role group and grant, as above (on start: a database from before these rules). */
    @EventListener(ApplicationReadyEvent.class)
    @Order(1) // after the demo organisation is seeded
    public void mirrorAll() {
        List<Place> all = places.findAll();
        all.forEach(this::ensureTenant);
        for (Place place : all) {
            for (String groupId : places.findGroupIds(place.code())) {
                roleAdded(groupId, place.code());
            }
        }
    }

    private void ensureTenant(Place place) {
        if (identityService.createTenantQuery().tenantId(place.code()).count() == 0) {
            Tenant tenant = identityService.newTenant(place.code());
            tenant.setName(place.name());
            identityService.saveTenant(tenant);
        }
    }

    private void ensureMembership(String tenantId, String groupId) {
        if (identityService.createTenantQuery().tenantId(tenantId).groupMember(groupId).count() == 0) {
            identityService.createTenantGroupMembership(tenantId, groupId);
        }
    }

    private void grant(String groupId) {
        for (Grant grant : grants()) {
            Authorization existing = authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                    .groupIdIn(groupId).resourceType(grant.resource()).resourceId(grant.resourceId()).singleResult();
            Authorization authorization = existing != null ? existing
                    : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(grant.resource());
            authorization.setResourceId(grant.resourceId());
            boolean changed = existing == null;
            for (Permission permission : grant.permissions()) {
                if (!authorization.isPermissionGranted(permission)) {
                    authorization.addPermission(permission);
                    changed = true;
                }
            }
            if (changed) {
                authorizationService.saveAuthorization(authorization);
            }
        }
    }
}
