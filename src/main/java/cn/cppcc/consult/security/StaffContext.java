package cn.cppcc.consult.security;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/** Who is logged in, for the project's own pages and APIs (the Camunda webapp login). */
public final class StaffContext {

    public static final String ENGINE = "default";

    private StaffContext() {
    }

    public static Optional<String> currentUserId() {
        return current().map(Authentication::getIdentityId);
    }

    public static List<String> currentGroupIds() {
        return current().filter(UserAuthentication.class::isInstance)
                .map(a -> List.copyOf(((UserAuthentication) a).getGroupIds()))
                .orElse(List.of());
    }

    private static Optional<Authentication> current() {
        Authentications authentications = Authentications.getCurrent();
        return authentications == null ? Optional.empty()
                : Optional.ofNullable(authentications.getAuthenticationForProcessEngine(ENGINE));
    }
}
