package cn.cppcc.consult.support;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.cppcc.consult.demo.DemoData;
import cn.cppcc.consult.organisation.OrganisationService;
import cn.cppcc.consult.organisation.PlaceLevel;
import cn.cppcc.consult.organisation.PlaceRepository;
import cn.cppcc.consult.organisation.Role;

/**
 * A test's own township with its villages under the demo county, with the groups work is routed to
 * and one account per role (password {@code consult.demo.password}): figures counted over it are the
 * test's alone, whatever else the suite has run.
 */
@Component
public class FixturePlaces {

    static final List<Role> TOWNSHIP_ROLES = List.of(Role.PARTY, Role.LIAISON, Role.GOVERNMENT, Role.HOST,
            Role.MEMBER, Role.DEPARTMENT);
    static final List<Role> VILLAGE_ROLES = List.of(Role.PARTY, Role.VILLAGE_COMMITTEE, Role.HOST);

    private final OrganisationService organisation;
    private final PlaceRepository places;
    private final String password;

    FixturePlaces(OrganisationService organisation, PlaceRepository places,
            @org.springframework.beans.factory.annotation.Value("${consult.demo.password}") String password) {
        this.organisation = organisation;
        this.places = places;
        this.password = password;
    }

    static final List<Role> COUNTY_ROLES = List.of(Role.PARTY, Role.OFFICE, Role.LIAISON_COMMITTEE, Role.SUPERVISOR,
            Role.HOST, Role.MEMBER);

    /** The township {@code code} named {@code name} with the villages {@code code + "v1"}, …; created once. */
    public String township(String code, String name, int villages) {
        return township(DemoData.COUNTY, code, name, villages);
    }

    /** A county of its own (no township of another test in it); created once. */
    public synchronized String county(String code, String name) {
        if (places.find(code).isEmpty()) {
            add(code, name, PlaceLevel.COUNTY, null, COUNTY_ROLES);
        }
        return code;
    }

    /** A township of {@code county} with its villages; created once. */
    public synchronized String township(String county, String code, String name, int villages) {
        if (places.find(code).isPresent()) {
            return code;
        }
        add(code, name, PlaceLevel.TOWNSHIP, county, TOWNSHIP_ROLES);
        for (int i = 1; i <= villages; i++) {
            add(village(code, i), name + i + "村", PlaceLevel.VILLAGE, code, VILLAGE_ROLES);
        }
        return code;
    }

    public static String village(String township, int i) {
        return township + "v" + i;
    }

    private void add(String code, String name, PlaceLevel level, String parent, List<Role> roles) {
        organisation.addPlace(code, name, level, parent);
        for (Role role : roles) {
            String group = organisation.addRole(code, role);
            organisation.addUser(DemoData.userId(code, role), organisation.groupName(group), "（测试）", password, group);
        }
    }
}
