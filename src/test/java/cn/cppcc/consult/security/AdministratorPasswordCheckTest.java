package cn.cppcc.consult.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.env.EnvironmentPostProcessorApplicationListener;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import cn.cppcc.consult.ConsultPlatformApplication;

/**
 * Outside the demo profile the platform does not start without the administrator's password from
 * the environment. The application is started for real up to the point where it reads its
 * configuration (application.yaml, profiles) and fails there; only the listener that runs the
 * environment post-processors is kept, so nothing else of the JVM (logging, the shared test
 * context) is touched.
 */
class AdministratorPasswordCheckTest {

    @Test
    void theProductionProfileRefusesToStartWithoutThePassword() {
        assertThatThrownBy(() -> start("--CONSULT_ADMIN_PASSWORD="))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(AdministratorPasswordCheck.MISSING)
                .hasMessageContaining("CONSULT_ADMIN_PASSWORD");
        assertThatThrownBy(() -> start("--CONSULT_ADMIN_PASSWORD=   "))
                .hasMessage(AdministratorPasswordCheck.MISSING);
    }

    @Test
    void theProductionProfileRefusesTheDemoPassword() {
        assertThatThrownBy(() -> start("--CONSULT_ADMIN_PASSWORD=Xieshang@2026"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(AdministratorPasswordCheck.DEMO_ONLY);
    }

    @Test
    void thePostgresProfileIsProductionToo() {
        assertThatThrownBy(() -> start("--CONSULT_ADMIN_PASSWORD=", "--spring.profiles.active=postgres"))
                .hasMessage(AdministratorPasswordCheck.MISSING);
    }

    @Test
    void aPasswordFromTheEnvironmentOrTheDemoProfileIsAccepted() {
        AdministratorPasswordCheck check = new AdministratorPasswordCheck();
        StandardEnvironment production = environment(Map.of(AdministratorPasswordCheck.PROPERTY, "S0me-Strong!Secret"));
        assertThatCode(() -> check.postProcessEnvironment(production, null)).doesNotThrowAnyException();

        StandardEnvironment demo = environment(Map.of(AdministratorPasswordCheck.PROPERTY, "Xieshang@2026"));
        demo.setActiveProfiles("demo");
        assertThatCode(() -> check.postProcessEnvironment(demo, null)).doesNotThrowAnyException();

        StandardEnvironment unresolved = environment(Map.of(AdministratorPasswordCheck.PROPERTY, "${NO_SUCH_VARIABLE_HERE}"));
        assertThatThrownBy(() -> check.postProcessEnvironment(unresolved, null)).hasMessage(AdministratorPasswordCheck.MISSING);
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }

    private static void start(String... args) {
        SpringApplication application = new SpringApplication(ConsultPlatformApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setListeners(List.of(new EnvironmentPostProcessorApplicationListener()));
        application.setRegisterShutdownHook(false);
        String[] all = new String[args.length + 1];
        System.arraycopy(args, 0, all, 0, args.length);
        // never the shared test database, should it get that far
        all[args.length] = "--spring.datasource.url=jdbc:h2:mem:password-check";
        application.run(all).close();
    }
}
