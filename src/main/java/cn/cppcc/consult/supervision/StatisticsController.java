package cn.cppcc.consult.supervision;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.cppcc.consult.process.EngineClock;

/**
 * {@code GET /api/statistics}: one year's figures for the area a staff member looks after (or a place
 * in it); {@code GET /api/public/statistics}: the same figures for the whole county, for the public
 * results window (counts only, nobody's name).
 */
@RestController
public class StatisticsController {

    private final StatisticsService statistics;
    private final PlaceScope scope;

    StatisticsController(StatisticsService statistics, PlaceScope scope) {
        this.statistics = statistics;
        this.scope = scope;
    }

    @GetMapping("/api/statistics")
    public Statistics statistics(@RequestParam(required = false) String place,
            @RequestParam(required = false) Integer year) {
        PlaceScope.Tree tree = scope.current();
        return statistics.compute(tree, scope.requestedRoots(tree, place), year(year));
    }

    @GetMapping("/api/public/statistics")
    public Statistics publicStatistics(@RequestParam(required = false) Integer year) {
        PlaceScope.Tree tree = scope.everything();
        return statistics.compute(tree, java.util.List.copyOf(tree.roots()), year(year));
    }

    static int year(Integer year) {
        int thisYear = EngineClock.now().getYear();
        if (year == null) {
            return thisYear;
        }
        if (year < 2000 || year > thisYear) {
            throw new IllegalArgumentException("年度须在2000年至" + thisYear + "年之间");
        }
        return year;
    }
}
