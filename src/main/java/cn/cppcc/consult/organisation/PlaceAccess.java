package cn.cppcc.consult.organisation;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.AuthorizationQuery;
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
import org.springframework.transaction.support.TransactionTemplate;

import cn.cppcc.consult.config.SetupLock;

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
 *   <li>Each role group may use Tasklist and Cockpit, evaluate the rule tables our pages consult, and
 *       start the processes that have a start form (the register steps then decide, by the routing
 *       table, who may start what where). Reading process instances, their history and every task,
 *       definitions, users and groups is granted to all users at once (see {@link #EVERYONE}), and
 *       bounded by the tenants a user's groups belong to. Claiming and completing a task
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

    /**
     * Reading every resource of a type ({@code ANY}): the same for every role group, so granted once
     * to every user (global authorizations) instead of once per group. The engine's task query looks
     * up every authorization on {@code '*'} for each task it considers, so a row per group made a
     * township's Tasklist page slower with every group added (220 ms among 100,000 tasks with 140
     * groups, see BENCHMARKS.md). What anyone sees stays bounded by their tenants (places); without a
     * role group there is no tenant, no Tasklist or Cockpit and no start of a process.
     */
    private static final List<Grant> EVERYONE = List.of(
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
            new Grant(Resources.TENANT, ANY, Permissions.READ));

    /** What each role group is granted on named resources: the webapps, starting processes, the rule tables. */
    private static List<Grant> perGroup() {
        List<Grant> grants = new ArrayList<>(List.of(
                new Grant(Resources.APPLICATION, "tasklist", Permissions.ACCESS),
                new Grant(Resources.APPLICATION, "cockpit", Permissions.ACCESS)));
        STARTABLE.forEach(key -> grants.add(new Grant(Resources.PROCESS_DEFINITION, key,
                ProcessDefinitionPermissions.CREATE_INSTANCE)));
        CONSULTED.forEach(key -> grants.add(new Grant(Resources.DECISION_DEFINITION, key,
                Permissions.CREATE_INSTANCE)));
        return grants;
    }

    private static final String LOCK = "place-access";

    private final PlaceRepository places;
    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final SetupLock setupLock;
    private final TransactionTemplate transaction;

    PlaceAccess(PlaceRepository places, IdentityService identityService, AuthorizationService authorizationService,
            SetupLock setupLock, TransactionTemplate transaction) {
        this.places = places;
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.setupLock = setupLock;
        this.transaction = transaction;
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

    /**
     * Every place, role group and grant, as above (on start: a database from before these rules), on
     * one node of a cluster at a time (row {@code place-access} of {@code setup_lock}). Grants on
     * {@code ANY} that earlier versions gave each group are replaced by the global ones.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Order(1) // after the demo organisation is seeded
    public void mirrorAll() {
        transaction.executeWithoutResult(status -> {
            setupLock.take(LOCK);
            EVERYONE.forEach(grant -> save(AUTH_TYPE_GLOBAL, null, grant));
            List<Place> all = places.findAll();
            all.forEach(this::ensureTenant);
            Set<String> roleGroups = new HashSet<>();
            for (Place place : all) {
                for (String groupId : places.findGroupIds(place.code())) {
                    roleAdded(groupId, place.code());
                    roleGroups.add(groupId);
                }
            }
            authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).resourceId(ANY).list()
                    .stream().filter(old -> roleGroups.contains(old.getGroupId()))
                    .forEach(old -> authorizationService.deleteAuthorization(old.getId()));
        });
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
        perGroup().forEach(grant -> save(AUTH_TYPE_GRANT, groupId, grant));
    }

    /** Adds the grant's permissions to the group's (or, global, everyone's) authorization on the resource. */
    private void save(int type, String groupId, Grant grant) {
        AuthorizationQuery query = authorizationService.createAuthorizationQuery().authorizationType(type)
                .resourceType(grant.resource()).resourceId(grant.resourceId());
        Authorization existing = (groupId == null ? query : query.groupIdIn(groupId)).singleResult();
        Authorization authorization = existing != null ? existing : authorizationService.createNewAuthorization(type);
        if (groupId != null) {
            authorization.setGroupId(groupId);
        }
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
