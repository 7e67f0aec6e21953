package cn.cppcc.consult.organisation;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.cppcc.consult.security.StaffContext;

/** {@code GET /api/me}: the logged-in staff member, their name and the roles they hold where. */
@RestController
public class MeController {

    private final IdentityService identityService;
    private final OrganisationService organisation;

    MeController(IdentityService identityService, OrganisationService organisation) {
        this.identityService = identityService;
        this.organisation = organisation;
    }

    public record RoleAt(String placeCode, String placeName, String role, String roleName) {
    }

    public record Me(String userId, String name, List<RoleAt> roles) {
    }

    @GetMapping("/api/me")
    public Me me() {
        String userId = StaffContext.currentUserId().orElseThrow();
        User user = identityService.createUserQuery().userId(userId).singleResult();
        List<RoleAt> roles = organisation.rolesOf(userId).stream()
                .map(r -> new RoleAt(r.place().code(), r.place().name(), r.role().slug(), r.role().groupName(r.place())))
                .toList();
        String name = user == null ? userId : (user.getFirstName() + " " + user.getLastName()).strip();
        return new Me(userId, name, roles);
    }
}
