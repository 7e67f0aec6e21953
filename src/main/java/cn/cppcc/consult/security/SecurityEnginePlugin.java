package cn.cppcc.consult.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The engine's part of the platform's security: the tenant of each process instance is its place
 * ({@link PlaceTenantIdProvider}). Authorization checks and the engine's other hardening settings
 * are in {@code application.yaml} ({@code camunda.bpm.authorization}, {@code generic-properties}).
 */
@Component
public class SecurityEnginePlugin extends AbstractProcessEnginePlugin {

    private final JdbcClient jdbc;

    SecurityEnginePlugin(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setTenantIdProvider(new PlaceTenantIdProvider(jdbc));
    }
}
