package cn.cppcc.consult.security;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.cppcc.consult.process.FormValues;

/**
 * The tenant of a new process instance: the place it works for (see {@code organisation.PlaceAccess}).
 *
 * <ul>
 *   <li>called from another instance (a transfer mechanism of a consultation): the caller's tenant;</li>
 *   <li>started by the platform for a record it has registered (variable {@code consultationId} or
 *       {@code topicId}): the place of that consultation or topic;</li>
 *   <li>started by a user from Tasklist: the place where the user holds their roles; a user with
 *       roles at several places is asked to use the account of the place concerned.</li>
 * </ul>
 * Otherwise (the administrator, or nobody) the instance has no tenant and only administrators and
 * the platform itself work on it.
 */
class PlaceTenantIdProvider implements TenantIdProvider {

    private final JdbcClient jdbc;

    PlaceTenantIdProvider(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
        if (context.getSuperExecution() != null) {
            return context.getSuperExecution().getTenantId();
        }
        VariableMap variables = context.getVariables();
        return placeOf("consultation", variables.get("consultationId"))
                .or(() -> placeOf("topic", variables.get("topicId")))
                .orElseGet(this::placeOfStarter);
    }

    private Optional<String> placeOf(String table, Object id) {
        if (!(id instanceof Number number)) {
            return Optional.empty();
        }
        return jdbc.sql("select place_code from " + table + " where id = ?").param(number.longValue())
                .query(String.class).optional();
    }

    private String placeOfStarter() {
        Authentication authentication = Context.getCommandContext() == null ? null
                : Context.getCommandContext().getAuthentication();
        if (authentication == null) {
            return null;
        }
        List<String> groupIds = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
        List<String> places = groupIds.isEmpty() ? List.of()
                : jdbc.sql("select distinct place_code from org_role where group_id in (:groups) order by place_code")
                        .param("groups", groupIds).query(String.class).list();
        if (places.size() > 1) {
            throw FormValues.invalid("initiator", "您在多个地点有工作角色，请使用所在地点的账号发起");
        }
        return places.isEmpty() ? null : places.get(0);
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
        return null;
    }

    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext context) {
        return context.getExecution() != null ? context.getExecution().getTenantId() : null;
    }
}
