package cn.cppcc.consult.organisation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class PlaceRepository {

    private final JdbcClient jdbc;

    PlaceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Place> find(String code) {
        return jdbc.sql("select code, name, level, parent_code from place where code = ?")
                .param(code)
                .query(Place.class)
                .optional();
    }

    public List<Place> findChildren(String parentCode) {
        return jdbc.sql("select code, name, level, parent_code from place where parent_code = ? order by code")
                .param(parentCode)
                .query(Place.class)
                .list();
    }

    public List<Place> findAll() {
        return jdbc.sql("select code, name, level, parent_code from place order by code").query(Place.class).list();
    }

    /** The Camunda groups of the roles at a place. */
    public List<String> findGroupIds(String placeCode) {
        return jdbc.sql("select group_id from org_role where place_code = ? order by group_id")
                .param(placeCode).query(String.class).list();
    }

    /** The codes of a place and every place below it. */
    public List<String> findSubtree(String placeCode) {
        return jdbc.sql("""
                        with recursive subtree (code) as (
                            select code from place where code = ?
                            union all
                            select p.code from place p join subtree s on p.parent_code = s.code
                        )
                        select code from subtree order by code""")
                .param(placeCode).query(String.class).list();
    }

    public void insert(Place place) {
        jdbc.sql("insert into place (code, name, level, parent_code) values (?, ?, ?, ?)")
                .params(place.code(), place.name(), place.level().name(), place.parentCode())
                .update();
    }

    public void insertRole(String groupId, String placeCode, Role role) {
        jdbc.sql("insert into org_role (group_id, place_code, role) values (?, ?, ?)")
                .params(groupId, placeCode, role.name())
                .update();
    }

    /** The places and roles that the given Camunda groups stand for; other groups are ignored. */
    public List<PlaceRole> findRoles(Collection<String> groupIds) {
        if (groupIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select p.code, p.name, p.level, p.parent_code, r.role
                        from org_role r join place p on p.code = r.place_code
                        where r.group_id in (:groupIds)""")
                .param("groupIds", groupIds)
                .query((rs, n) -> new PlaceRole(
                        new Place(rs.getString(1), rs.getString(2), PlaceLevel.valueOf(rs.getString(3)), rs.getString(4)),
                        Role.valueOf(rs.getString(5))))
                .list();
    }

    public record PlaceRole(Place place, Role role) {
    }
}
