package cn.cppcc.consult.organisation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.cppcc.consult.security.AccessDenied;
import cn.cppcc.consult.security.StaffContext;

/**
 * {@code /api/organisation}: the administrators' page for the organisation tree (组织机构管理): places,
 * the roles at each place (Camunda groups) and their people. Everything goes through
 * {@link OrganisationService}, so a new place gets its tenant, a new role its group, tenant
 * memberships and permissions, a new person their group (see {@link PlaceAccess}). Administrators
 * ({@code camunda-admin}) only.
 */
@RestController
public class OrganisationController {

    static final Pattern CODE = Pattern.compile("[a-z][a-z0-9]{1,31}");
    static final Pattern USER_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    static final int MEMBERS_SHOWN = 200;

    private final OrganisationService organisation;
    private final PlaceRepository places;
    private final IdentityService identityService;

    OrganisationController(OrganisationService organisation, PlaceRepository places, IdentityService identityService) {
        this.organisation = organisation;
        this.places = places;
        this.identityService = identityService;
    }

    public record Choice(String value, String label) {
    }

    public record RoleView(String groupId, String role, String name, List<String> members) {
    }

    public record PlaceView(String code, String name, String level, String levelName, String parentCode,
            List<RoleView> roles) {
    }

    public record Tree(List<PlaceView> places, List<Choice> levels, List<Choice> roles) {
    }

    public record NewPlace(String code, String name, String level, String parentCode) {
    }

    public record NewRole(String role) {
    }

    public record NewUser(String userId, String name, String password, List<String> groupIds) {
    }

    public record NewMember(String userId) {
    }

    @GetMapping("/api/organisation")
    public Tree tree() {
        requireAdministrator();
        List<PlaceView> views = new ArrayList<>();
        for (Place place : places.findAll()) {
            List<RoleView> roles = places.findRoles(places.findGroupIds(place.code())).stream()
                    .map(r -> {
                        String groupId = r.role().groupId(place.code());
                        return new RoleView(groupId, r.role().slug(), organisation.groupName(groupId),
                                identityService.createUserQuery().memberOfGroup(groupId).orderByUserId().asc()
                                        .listPage(0, MEMBERS_SHOWN).stream().map(User::getId).toList());
                    })
                    .toList();
            views.add(new PlaceView(place.code(), place.name(), place.level().name(), place.level().label(),
                    place.parentCode(), roles));
        }
        return new Tree(views,
                Arrays.stream(PlaceLevel.values()).map(l -> new Choice(l.name(), l.label())).toList(),
                Arrays.stream(Role.values()).map(r -> new Choice(r.slug(), r.label())).toList());
    }

    @PostMapping("/api/organisation/places")
    @Transactional
    public PlaceView addPlace(@RequestBody NewPlace body) {
        requireAdministrator();
        String code = required(body.code(), "地点代码");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("地点代码须为2至32位小写字母或数字，以字母开头（如 yunling）");
        }
        if (places.find(code).isPresent() || identityService.createTenantQuery().tenantId(code).count() > 0) {
            throw new IllegalArgumentException("地点代码“" + code + "”已被使用");
        }
        String name = required(body.name(), "地点名称");
        if (name.length() > 50) {
            throw new IllegalArgumentException("地点名称不能超过50个字");
        }
        PlaceLevel level = choice(PlaceLevel.class, required(body.level(), "层级"), "层级");
        String parent = body.parentCode() == null || body.parentCode().isBlank() ? null : body.parentCode();
        if (parent == null && level != PlaceLevel.PROVINCE && level != PlaceLevel.CITY && level != PlaceLevel.COUNTY) {
            throw new IllegalArgumentException(level.label() + "须有上级地点");
        }
        if (parent != null && places.find(parent).isEmpty()) {
            throw new IllegalArgumentException("上级地点不存在：" + parent);
        }
        Place place = organisation.addPlace(code, name, level, parent);
        return new PlaceView(place.code(), place.name(), level.name(), level.label(), parent, List.of());
    }

    @PostMapping("/api/organisation/places/{code}/roles")
    @Transactional
    public RoleView addRole(@PathVariable String code, @RequestBody NewRole body) {
        requireAdministrator();
        Place place = places.find(code).orElseThrow(() -> new NoSuchElementException("地点不存在：" + code));
        Role role;
        try {
            role = Role.fromSlug(required(body.role(), "角色"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("未知的角色：" + body.role());
        }
        String groupId = role.groupId(place.code());
        if (identityService.createGroupQuery().groupId(groupId).count() > 0) {
            throw new IllegalArgumentException(role.groupName(place) + "已设立");
        }
        organisation.addRole(place.code(), role);
        return new RoleView(groupId, role.slug(), role.groupName(place), List.of());
    }

    @PostMapping("/api/organisation/users")
    @Transactional
    public void addUser(@RequestBody NewUser body) {
        requireAdministrator();
        String userId = required(body.userId(), "账号");
        if (!USER_ID.matcher(userId).matches()) {
            throw new IllegalArgumentException("账号须为2至64位小写字母、数字或 . _ -（如 yunling.zhang）");
        }
        if (identityService.createUserQuery().userId(userId).count() > 0) {
            throw new IllegalArgumentException("账号“" + userId + "”已存在");
        }
        String name = required(body.name(), "姓名");
        if (name.length() > 50) {
            throw new IllegalArgumentException("姓名不能超过50个字");
        }
        String password = required(body.password(), "初始密码");
        if (!identityService.checkPasswordAgainstPolicy(password).isValid()) {
            throw new IllegalArgumentException("初始密码不符合要求：至少10位，须含大写字母、小写字母、数字和符号");
        }
        List<String> groupIds = body.groupIds() == null ? List.of() : body.groupIds();
        if (groupIds.isEmpty()) {
            throw new IllegalArgumentException("请至少选择一个工作角色");
        }
        for (String groupId : groupIds) {
            roleGroup(groupId);
        }
        try {
            organisation.addUser(userId, name, "", password, groupIds.toArray(String[]::new));
        } catch (ProcessEngineException e) {
            throw new IllegalArgumentException("账号未能创建：" + e.getMessage());
        }
    }

    @PostMapping("/api/organisation/roles/{groupId}/members")
    @Transactional
    public void addMember(@PathVariable String groupId, @RequestBody NewMember body) {
        requireAdministrator();
        roleGroup(groupId);
        String userId = required(body.userId(), "账号");
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            throw new IllegalArgumentException("账号不存在：" + userId);
        }
        if (organisation.isMember(userId, groupId)) {
            throw new IllegalArgumentException(userId + "已在" + organisation.groupName(groupId));
        }
        identityService.createMembership(userId, groupId);
    }

    /** A group that stands for a role at a place (not any Camunda group). */
    private void roleGroup(String groupId) {
        if (places.findRoles(List.of(groupId)).isEmpty()) {
            throw new IllegalArgumentException("不是工作角色：" + groupId);
        }
    }

    private static void requireAdministrator() {
        if (!StaffContext.currentGroupIds().contains(Groups.CAMUNDA_ADMIN)) {
            throw new AccessDenied("只有系统管理员可以管理组织机构");
        }
    }

    private static String required(String value, String label) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("请填写" + label);
        }
        return value.strip();
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String label) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(label + "“" + value + "”无效");
        }
    }
}
