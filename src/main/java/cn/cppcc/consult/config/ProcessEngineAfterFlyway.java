package cn.cppcc.consult.config;

import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * The process engine starts after Flyway has created the project's tables. Without this the order
 * of the two depends on which bean happens to be created first; if the engine comes first it creates
 * its tables in the empty schema and Flyway then refuses to migrate a "non-empty schema" on a fresh
 * database. Registered in {@code META-INF/spring.factories}.
 */
public class ProcessEngineAfterFlyway extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

    @Override
    protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
        return Set.of(ProcessEngine.class);
    }
}
