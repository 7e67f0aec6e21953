package cn.cppcc.consult.supervision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.organisation.OrganisationService;
import cn.cppcc.consult.organisation.Place;
import cn.cppcc.consult.organisation.PlaceRepository;
import cn.cppcc.consult.organisation.Role;
import cn.cppcc.consult.security.AccessDenied;
import cn.cppcc.consult.security.StaffContext;

/**
 * Which places a staff member looks at: the subtrees of the places where they hold a role (a county
 * supervisor sees the whole county, a township's staff their township and its villages); an
 * administrator sees every place. Read per request from the organisation tables, so every node of a
 * cluster answers the same.
 */
@Component
public class PlaceScope {

    /**
     * A query's places given by their roots ({@code :roots}): the common table expression {@code scope}
     * of the roots and every place below them, for queries that count over a year's consultations.
     */
    public static final String SUBTREE = """
            with recursive scope (code) as (
                select code from place where code in (:roots)
                union all
                select p.code from place p join scope s on p.parent_code = s.code
            )
            """;

    private final PlaceRepository places;
    private final OrganisationService organisation;

    PlaceScope(PlaceRepository places, OrganisationService organisation) {
        this.places = places;
        this.organisation = organisation;
    }

    /** The organisation tree as one request sees it, with the places the user may look at. */
    public static final class Tree {

        private final Map<String, Place> byCode = new HashMap<>();
        private final Set<String> roots;

        Tree(List<Place> all, Collection<String> roots) {
            all.forEach(place -> byCode.put(place.code(), place));
            this.roots = new LinkedHashSet<>(roots);
        }

        public Set<String> roots() {
            return roots;
        }

        public Place place(String code) {
            return byCode.get(code);
        }

        /** Whether {@code code} lies in a subtree the user may look at. */
        public boolean visible(String code) {
            for (Place p = byCode.get(code); p != null; p = p.parentCode() == null ? null : byCode.get(p.parentCode())) {
                if (roots.contains(p.code())) {
                    return true;
                }
            }
            return false;
        }

        /** 清溪县 / 云岭镇 / 水口村 */
        public String path(String code) {
            List<String> names = new ArrayList<>();
            for (Place p = byCode.get(code); p != null; p = p.parentCode() == null ? null : byCode.get(p.parentCode())) {
                names.add(0, p.name());
            }
            return String.join(" / ", names);
        }

        /** The visible places, parents before children: the choices of a place filter. */
        public List<Place> visiblePlaces() {
            List<Place> result = new ArrayList<>();
            roots.forEach(root -> collect(root, result));
            return result;
        }

        /** Whether {@code roots} are all the top places: their subtrees are every place there is. */
        public boolean coversEverything(List<String> roots) {
            return byCode.values().stream().filter(p -> p.parentCode() == null).allMatch(p -> roots.contains(p.code()));
        }

        /** The codes of {@code roots} and every place below them. */
        public List<String> subtree(List<String> roots) {
            List<Place> result = new ArrayList<>();
            roots.forEach(root -> collect(root, result));
            return result.stream().map(Place::code).toList();
        }

        public List<Place> children(String code) {
            return byCode.values().stream().filter(p -> code.equals(p.parentCode()))
                    .sorted(java.util.Comparator.comparing(Place::code)).toList();
        }

        private void collect(String code, List<Place> result) {
            Place place = byCode.get(code);
            if (place != null && !result.contains(place)) {
                result.add(place);
                children(code).forEach(child -> collect(child.code(), result));
            }
        }
    }

    /** The tree for the logged-in staff member. */
    public Tree current() {
        String userId = StaffContext.currentUserId().orElseThrow(() -> new AccessDenied("请先登录"));
        return forUser(userId, StaffContext.currentGroupIds());
    }

    /** Every place, for what the public may see (aggregates only). */
    public Tree everything() {
        List<Place> all = places.findAll();
        return new Tree(all, all.stream().filter(p -> p.parentCode() == null).map(Place::code).toList());
    }

    public Tree forUser(String userId, Collection<String> groupIds) {
        List<Place> all = places.findAll();
        if (groupIds.contains(Groups.CAMUNDA_ADMIN)) {
            return new Tree(all, all.stream().filter(p -> p.parentCode() == null).map(Place::code).toList());
        }
        return new Tree(all, organisation.rolesOf(userId).stream().map(r -> r.place().code()).distinct().toList());
    }

    /**
     * Refuses unless the logged-in user holds one of {@code roles} at {@code placeCode} or a place above
     * it (or is an administrator): who may change a place's records.
     */
    public void requireRole(String placeCode, Collection<Role> roles, String what) {
        String userId = StaffContext.currentUserId().orElseThrow(() -> new AccessDenied("请先登录"));
        if (StaffContext.currentGroupIds().contains(Groups.CAMUNDA_ADMIN)) {
            return;
        }
        Tree tree = new Tree(places.findAll(), organisation.rolesOf(userId).stream()
                .filter(r -> roles.contains(r.role())).map(r -> r.place().code()).distinct().toList());
        if (tree.place(placeCode) == null) {
            throw new IllegalArgumentException("地点不存在：" + placeCode);
        }
        if (!tree.visible(placeCode)) {
            throw new AccessDenied("您无权" + what + "（" + tree.place(placeCode).name() + "）");
        }
    }

    /**
     * The subtree a request asks for: {@code placeCode} if given (and visible), else every place the
     * user may look at.
     */
    public List<String> requestedRoots(Tree tree, String placeCode) {
        if (placeCode == null || placeCode.isBlank()) {
            if (tree.roots().isEmpty()) {
                throw new AccessDenied("您没有任何地点的工作角色，无法查看");
            }
            return List.copyOf(tree.roots());
        }
        if (tree.place(placeCode) == null) {
            throw new IllegalArgumentException("地点不存在：" + placeCode);
        }
        if (!tree.visible(placeCode)) {
            throw new AccessDenied("您无权查看" + tree.place(placeCode).name() + "的情况");
        }
        return List.of(placeCode);
    }

    /** Answered 403 with its Chinese message. */
}
