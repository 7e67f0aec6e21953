package cn.cppcc.consult.venue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.cppcc.consult.organisation.Role;
import cn.cppcc.consult.process.EngineClock;
import cn.cppcc.consult.security.StaffContext;
import cn.cppcc.consult.supervision.PlaceScope;
import cn.cppcc.consult.venue.VenueService.VenueInput;

/**
 * {@code /api/venues}: a place's consultation venues, kept by its organisers, and their yearly
 * "six haves" assessment, recorded by the county supervisors (the assessors).
 */
@RestController
public class VenueController {

    static final Set<Role> KEEPERS = Set.of(Role.OFFICE, Role.LIAISON, Role.VILLAGE_COMMITTEE, Role.SUPERVISOR);
    static final Set<Role> ASSESSORS = Set.of(Role.SUPERVISOR);

    private final VenueService venues;
    private final PlaceScope scope;

    VenueController(VenueService venues, PlaceScope scope) {
        this.venues = venues;
        this.scope = scope;
    }

    public record VenueView(long id, String placeCode, String placePath, String name, String kind, String kindLabel,
            String address, Integer year, SixHaves sixHaves, Integer count, List<String> missing, String comment,
            String assessedBy) {
    }

    public record Choice(String value, String label) {
    }

    public record AssessmentInput(boolean site, boolean sign, boolean rules, boolean procedure, boolean activities,
            boolean results, String comment) {
    }

    @GetMapping("/api/venues")
    public List<VenueView> list(@RequestParam(required = false) String place, @RequestParam(required = false) Integer year) {
        PlaceScope.Tree tree = scope.current();
        int y = year == null ? EngineClock.now().getYear() : year;
        return venues.at(tree.subtree(scope.requestedRoots(tree, place)), y).stream().map(v -> {
            Venue venue = v.venue();
            SixHaves found = v.assessment() == null ? null : v.assessment().sixHaves();
            return new VenueView(venue.id(), venue.placeCode(), tree.path(venue.placeCode()), venue.name(),
                    venue.kind().name(), venue.kind().label(), venue.address(), y, found,
                    found == null ? null : found.count(), found == null ? null : found.missing(),
                    v.assessment() == null ? null : v.assessment().comment(),
                    v.assessment() == null ? null : v.assessment().assessedBy());
        }).toList();
    }

    @GetMapping("/api/venues/kinds")
    public List<Choice> kinds() {
        return Arrays.stream(VenueKind.values()).map(k -> new Choice(k.name(), k.label())).toList();
    }

    @PostMapping("/api/venues")
    public Venue add(@RequestBody VenueInput input) {
        scope.requireRole(input.placeCode(), KEEPERS, "管理该地的协商平台");
        return venues.add(input);
    }

    @PutMapping("/api/venues/{id}")
    public Venue update(@PathVariable long id, @RequestBody VenueInput input) {
        scope.requireRole(venues.get(id).placeCode(), KEEPERS, "管理该地的协商平台");
        scope.requireRole(input.placeCode(), KEEPERS, "管理该地的协商平台");
        return venues.update(id, input);
    }

    @PutMapping("/api/venues/{id}/assessments/{year}")
    public VenueAssessment assess(@PathVariable long id, @PathVariable int year, @RequestBody AssessmentInput input) {
        scope.requireRole(venues.get(id).placeCode(), ASSESSORS, "评定协商平台的“六个有”");
        return venues.assess(id, year, new SixHaves(input.site(), input.sign(), input.rules(), input.procedure(),
                input.activities(), input.results()), input.comment(), StaffContext.currentUserId().orElseThrow());
    }
}
