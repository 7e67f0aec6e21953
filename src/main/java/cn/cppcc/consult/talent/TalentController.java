package cn.cppcc.consult.talent;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.cppcc.consult.organisation.PlaceLevel;
import cn.cppcc.consult.organisation.Role;
import cn.cppcc.consult.supervision.PlaceScope;
import cn.cppcc.consult.talent.TalentService.GroupInput;
import cn.cppcc.consult.talent.TalentService.TalentInput;

/**
 * {@code /api/talent} and {@code /api/member-groups}: a place's talent pool and member groups, read by
 * everyone working there, kept by its organisers (政协办, 乡镇联络组, 村委会) and the county supervisors.
 */
@RestController
public class TalentController {

    static final Set<Role> KEEPERS = Set.of(Role.OFFICE, Role.LIAISON, Role.VILLAGE_COMMITTEE, Role.SUPERVISOR);

    private final TalentService talents;
    private final PlaceScope scope;

    TalentController(TalentService talents, PlaceScope scope) {
        this.talents = talents;
        this.scope = scope;
    }

    public record TalentView(Long id, String placeCode, String placePath, String name, String category,
            String categoryLabel, String organisation, String expertise, String userId, boolean active) {
    }

    public record Choice(String value, String label) {
    }

    @GetMapping("/api/talent")
    public List<TalentView> list(@RequestParam(required = false) String place) {
        PlaceScope.Tree tree = scope.current();
        List<String> codes = tree.subtree(scope.requestedRoots(tree, place));
        return talents.in(codes).stream().map(t -> view(tree, t)).toList();
    }

    @GetMapping("/api/talent/categories")
    public List<Choice> categories() {
        return Arrays.stream(TalentCategory.values()).map(c -> new Choice(c.name(), c.label())).toList();
    }

    @PostMapping("/api/talent")
    public TalentView add(@RequestBody TalentInput input) {
        scope.requireRole(input.placeCode(), KEEPERS, "管理该地的人才库");
        return view(scope.current(), talents.add(input));
    }

    @PutMapping("/api/talent/{id}")
    public TalentView update(@PathVariable long id, @RequestBody TalentInput input) {
        scope.requireRole(talents.get(id).placeCode(), KEEPERS, "管理该地的人才库");
        scope.requireRole(input.placeCode(), KEEPERS, "管理该地的人才库");
        return view(scope.current(), talents.update(id, input));
    }

    @GetMapping("/api/member-groups")
    public List<MemberGroup> groups(@RequestParam(required = false) String place) {
        PlaceScope.Tree tree = scope.current();
        List<String> townships = tree.subtree(scope.requestedRoots(tree, place)).stream()
                .filter(code -> tree.place(code).level() == PlaceLevel.TOWNSHIP).toList();
        return talents.groups(townships);
    }

    @PostMapping("/api/member-groups")
    public MemberGroup addGroup(@RequestBody GroupInput input) {
        scope.requireRole(input.placeCode(), KEEPERS, "管理该乡镇的委员履职小组");
        return talents.saveGroup(null, input);
    }

    @PutMapping("/api/member-groups/{id}")
    public MemberGroup updateGroup(@PathVariable long id, @RequestBody GroupInput input) {
        scope.requireRole(talents.group(id).placeCode(), KEEPERS, "管理该乡镇的委员履职小组");
        return talents.saveGroup(id, input);
    }

    @DeleteMapping("/api/member-groups/{id}")
    public void deleteGroup(@PathVariable long id) {
        scope.requireRole(talents.group(id).placeCode(), KEEPERS, "管理该乡镇的委员履职小组");
        talents.deleteGroup(id);
    }

    private static TalentView view(PlaceScope.Tree tree, Talent t) {
        return new TalentView(t.id(), t.placeCode(), tree.path(t.placeCode()), t.name(), t.category().name(),
                t.category().label(), t.organisation(), t.expertise(), t.userId(), t.active());
    }
}
