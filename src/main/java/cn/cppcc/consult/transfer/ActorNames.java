package cn.cppcc.consult.transfer;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.process.CurrentUser;

/** Staff shown by name on timelines (never citizens: their actions carry no actor). */
@Component
public class ActorNames {

    private final IdentityService identityService;

    ActorNames(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** A lookup for one page or form: each user is read once. */
    public Lookup lookup() {
        return new Lookup();
    }

    public final class Lookup {

        private final Map<String, String> names = new HashMap<>();

        private Lookup() {
        }

        public String nameOf(String userId) {
            if (userId == null || userId.isEmpty()) {
                return "";
            }
            if (CurrentUser.SYSTEM.equals(userId)) {
                return "系统";
            }
            return names.computeIfAbsent(userId, id -> {
                User user = identityService.createUserQuery().userId(id).singleResult();
                if (user == null) {
                    return id;
                }
                String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                        + (user.getLastName() == null ? "" : user.getLastName())).strip();
                return name.isEmpty() ? id : name;
            });
        }
    }
}
