package cn.cppcc.consult.security;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Outside the demo profile the administrator's password comes from the environment
 * ({@code CONSULT_ADMIN_PASSWORD}) and nowhere else: without it, or with the demo password, the
 * platform refuses to start and says why, before anything is created. Only the demo profile
 * ({@code application-demo.yaml}) has a password of its own, and only it creates demo accounts.
 */
public class AdministratorPasswordCheck implements EnvironmentPostProcessor, Ordered {

    static final String VARIABLE = "CONSULT_ADMIN_PASSWORD";
    static final String PROPERTY = "camunda.bpm.admin-user.password";
    static final String DEMO_PASSWORD_PROPERTY = "consult.demo.password";
    static final String DEMO_PASSWORD = "Xieshang@2026";
    static final String MISSING = "未设置系统管理员密码：未启用演示配置（demo）时，必须由环境变量 " + VARIABLE
            + " 提供系统管理员密码，平台拒绝启动。";
    static final String DEMO_ONLY = "环境变量 " + VARIABLE + " 是演示密码：未启用演示配置（demo）时不得使用演示密码，平台拒绝启动。";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.acceptsProfiles(Profiles.of("demo"))) {
            return;
        }
        String password;
        try {
            password = environment.getProperty(PROPERTY);
        } catch (IllegalArgumentException unresolved) {
            // ${CONSULT_ADMIN_PASSWORD} without a value anywhere
            password = null;
        }
        if (password == null || password.isBlank()) {
            throw new IllegalStateException(MISSING);
        }
        if (password.equals(DEMO_PASSWORD) || password.equals(environment.getProperty(DEMO_PASSWORD_PROPERTY))) {
            throw new IllegalStateException(DEMO_ONLY);
        }
    }

    /** After the configuration files and profiles are read. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
