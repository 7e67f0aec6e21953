package cn.cppcc.consult.talent;

import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.cppcc.consult.organisation.Place;
import cn.cppcc.consult.organisation.PlaceLevel;

@Repository
public class TalentRepository {

    private final JdbcClient jdbc;

    TalentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Talent> find(long id) {
        return jdbc.sql("select * from talent where id = ?").param(id).query(Talent.class).optional();
    }

    public List<Talent> findByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from talent where id in (:ids) order by id").param("ids", ids).query(Talent.class).list();
    }

    public List<Talent> findAt(Collection<String> placeCodes, boolean activeOnly) {
        if (placeCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from talent where place_code in (:places)" + (activeOnly ? " and active = true" : "")
                        + " order by place_code, category, id")
                .param("places", placeCodes)
                .query(Talent.class)
                .list();
    }

    public long insert(Talent t, OffsetDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into talent (place_code, name, category, organisation, expertise, user_id, active,
                                            created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, true, ?, ?)""")
                .params(t.placeCode(), t.name(), t.category().name(), t.organisation(), t.expertise(), t.userId(), now, now)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void update(long id, Talent t, OffsetDateTime now) {
        jdbc.sql("""
                        update talent set place_code = ?, name = ?, category = ?, organisation = ?, expertise = ?,
                                          user_id = ?, active = ?, updated_at = ?
                        where id = ?""")
                .params(t.placeCode(), t.name(), t.category().name(), t.organisation(), t.expertise(), t.userId(),
                        t.active(), now, id)
                .update();
    }

    // ---- member groups

    public long insertGroup(String placeCode, String name, OffsetDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into member_group (place_code, name, created_at) values (?, ?, ?)")
                .params(placeCode, name, now)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void updateGroup(long id, String name) {
        jdbc.sql("update member_group set name = ? where id = ?").params(name, id).update();
    }

    public void replaceGroupMembers(long groupId, Collection<Long> talentIds, Collection<String> villageCodes) {
        jdbc.sql("delete from member_group_member where group_id = ?").param(groupId).update();
        jdbc.sql("delete from member_group_village where group_id = ?").param(groupId).update();
        for (Long talentId : talentIds) {
            jdbc.sql("insert into member_group_member (group_id, talent_id) values (?, ?)").params(groupId, talentId)
                    .update();
        }
        for (String village : villageCodes) {
            jdbc.sql("insert into member_group_village (group_id, village_code) values (?, ?)").params(groupId, village)
                    .update();
        }
    }

    public void deleteGroup(long id) {
        replaceGroupMembers(id, List.of(), List.of());
        jdbc.sql("delete from member_group where id = ?").param(id).update();
    }

    /** The group that liaises with {@code villageCode}, other than {@code exceptGroupId}. */
    public Optional<String> groupLiaisingWith(String villageCode, long exceptGroupId) {
        return jdbc.sql("""
                        select g.name from member_group g join member_group_village v on v.group_id = g.id
                        where v.village_code = ? and g.id <> ?""")
                .params(villageCode, exceptGroupId)
                .query(String.class)
                .optional();
    }

    public List<MemberGroup> findGroups(Collection<String> townshipCodes) {
        if (townshipCodes.isEmpty()) {
            return List.of();
        }
        Map<Long, String[]> groups = new LinkedHashMap<>();
        jdbc.sql("select id, place_code, name from member_group where place_code in (:places) order by place_code, id")
                .param("places", townshipCodes)
                .query((ResultSet rs) -> {
                    groups.put(rs.getLong("id"), new String[] {rs.getString("place_code"), rs.getString("name")});
                });
        List<MemberGroup> result = new ArrayList<>();
        for (Map.Entry<Long, String[]> g : groups.entrySet()) {
            List<Talent> members = jdbc.sql("""
                            select t.* from talent t join member_group_member m on m.talent_id = t.id
                            where m.group_id = ? order by t.id""")
                    .param(g.getKey())
                    .query(Talent.class)
                    .list();
            List<Place> villages = jdbc.sql("""
                            select p.code, p.name, p.level, p.parent_code
                            from place p join member_group_village v on v.village_code = p.code
                            where v.group_id = ? order by p.code""")
                    .param(g.getKey())
                    .query((rs, n) -> new Place(rs.getString(1), rs.getString(2), PlaceLevel.valueOf(rs.getString(3)),
                            rs.getString(4)))
                    .list();
            result.add(new MemberGroup(g.getKey(), g.getValue()[0], g.getValue()[1], members, villages));
        }
        return result;
    }

    public Optional<MemberGroup> findGroup(long id) {
        return jdbc.sql("select place_code from member_group where id = ?").param(id).query(String.class).optional()
                .flatMap(place -> findGroups(List.of(place)).stream().filter(g -> g.id() == id).findFirst());
    }
}
