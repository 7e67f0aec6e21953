package cn.cppcc.consult.organisation;

import java.util.List;
import java.util.NoSuchElementException;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.organisation.PlaceRepository.PlaceRole;

/**
 * The organisation tree and who works where. Places live in the project's tables; each role at a
 * place is mirrored as a Camunda group so that tasks can be offered to it.
 */
@Service
public class OrganisationService {

    private final PlaceRepository places;
    private final IdentityService identityService;
    private final PlaceAccess access;
    private final ApplicationEventPublisher events;

    OrganisationService(PlaceRepository places, IdentityService identityService, PlaceAccess access,
            ApplicationEventPublisher events) {
        this.places = places;
        this.identityService = identityService;
        this.access = access;
        this.events = events;
    }

    public Place place(String code) {
        return places.find(code).orElseThrow(() -> new NoSuchElementException("地点不存在：" + code));
    }

    /** The nearest place of the given level at or above {@code code}. */
    public Place ancestorAtLevel(String code, PlaceLevel level) {
        Place place = place(code);
        while (place.level() != level) {
            if (place.parentCode() == null) {
                throw new NoSuchElementException(place.name() + "没有上级" + level.label());
            }
            place = place(place.parentCode());
        }
        return place;
    }

    @Transactional
    public Place addPlace(String code, String name, PlaceLevel level, String parentCode) {
        if (parentCode != null) {
            Place parent = place(parentCode);
            if (!level.mayBeChildOf(parent.level())) {
                throw new IllegalArgumentException(level.label() + "不能设在" + parent.level().label() + "之下");
            }
        }
        Place place = new Place(code, name, level, parentCode);
        places.insert(place);
        access.placeAdded(place);
        return place;
    }

    /** Creates the Camunda group for a role at a place and records what it stands for. */
    @Transactional
    public String addRole(String placeCode, Role role) {
        Place place = place(placeCode);
        String groupId = role.groupId(placeCode);
        Group group = identityService.newGroup(groupId);
        group.setName(role.groupName(place));
        group.setType(role.label());
        identityService.saveGroup(group);
        places.insertRole(groupId, placeCode, role);
        access.roleAdded(groupId, placeCode);
        events.publishEvent(new RoleAdded(groupId, placeCode, role));
        return groupId;
    }

    @Transactional
    public void addUser(String userId, String firstName, String lastName, String password, String... groupIds) {
        User user = identityService.newUser(userId);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setPassword(password);
        identityService.saveUser(user);
        for (String groupId : groupIds) {
            identityService.createMembership(userId, groupId);
        }
    }

    /** How a user is named to others: first and last name, else the user id. */
    public String nameOf(String userId) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            return userId;
        }
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return name.isEmpty() ? userId : name;
    }

    public boolean isMember(String userId, String groupId) {
        return identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0;
    }

    /** A user's name as people read it (first and last name), or the id of an unknown user. */
    public String userName(String userId) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        return user == null ? userId : ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
    }

    /** A group's Chinese name (e.g. 云岭镇党委), or the id of an unknown group. */
    public String groupName(String groupId) {
        Group group = identityService.createGroupQuery().groupId(groupId).singleResult();
        return group == null || group.getName() == null ? groupId : group.getName();
    }

    /**
     * Every role the user holds, with its place. A user's groups are few: read all of them, also when
     * asked for during a logged-in user's request (which the engine's query result limit would refuse).
     */
    public List<PlaceRole> rolesOf(String userId) {
        List<String> groupIds = identityService.createGroupQuery().groupMember(userId).unlimitedList().stream()
                .map(Group::getId)
                .toList();
        return places.findRoles(groupIds);
    }
}
