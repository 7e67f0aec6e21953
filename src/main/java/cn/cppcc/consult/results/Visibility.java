package cn.cppcc.consult.results;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.organisation.Place;
import cn.cppcc.consult.organisation.PlaceRepository;
import cn.cppcc.consult.security.StaffContext;

/**
 * Which consultations a staff member may look into on the results pages: those of the places where
 * they hold a role and of every place below (a county supervisor sees the whole county, a township its
 * villages); administrators see all.
 */
@Component
public class Visibility {

    private final PlaceRepository places;

    Visibility(PlaceRepository places) {
        this.places = places;
    }

    /** The places the logged-in staff member sees; {@code null} for an administrator, who sees every place. */
    public Set<String> placesOfCurrentUser() {
        return placesOf(StaffContext.currentGroupIds());
    }

    public Set<String> placesOf(Collection<String> groupIds) {
        if (groupIds.contains(Groups.CAMUNDA_ADMIN)) {
            return null;
        }
        return subtree(places.findRoles(groupIds).stream().map(r -> r.place().code()).toList());
    }

    /** The given places and every place below them. */
    public Set<String> subtree(Collection<String> roots) {
        Map<String, List<String>> children = new HashMap<>();
        for (Place place : places.findAll()) {
            if (place.parentCode() != null) {
                children.computeIfAbsent(place.parentCode(), k -> new ArrayList<>()).add(place.code());
            }
        }
        Set<String> visible = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.addAll(roots);
        while (!todo.isEmpty()) {
            String code = todo.pop();
            if (visible.add(code)) {
                todo.addAll(children.getOrDefault(code, List.of()));
            }
        }
        return visible;
    }

    public static boolean sees(Set<String> visible, String placeCode) {
        return visible == null || visible.contains(placeCode);
    }
}
