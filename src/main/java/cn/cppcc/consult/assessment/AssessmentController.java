package cn.cppcc.consult.assessment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.cppcc.consult.organisation.Place;
import cn.cppcc.consult.organisation.PlaceLevel;
import cn.cppcc.consult.supervision.Csv;
import cn.cppcc.consult.supervision.PlaceScope;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /api/assessments}: a county's township assessments, the county-wide ranking of a year and its
 * export for Excel. Everyone working in the county may read them.
 */
@RestController
public class AssessmentController {

    private final AssessmentService assessments;
    private final PlaceScope scope;

    AssessmentController(AssessmentService assessments, PlaceScope scope) {
        this.assessments = assessments;
        this.scope = scope;
    }

    public record Year(int year, String status, String statusLabel) {
    }

    @GetMapping("/api/assessments")
    public List<Year> years(@RequestParam(required = false) String place) {
        return assessments.all(county(place).code()).stream()
                .map(a -> new Year(a.assessedYear(), a.status().name(), a.status().label())).toList();
    }

    @GetMapping("/api/assessments/ranking")
    public Ranking ranking(@RequestParam int year, @RequestParam(required = false) String place) {
        return assessments.ranking(county(place).code(), year);
    }

    @GetMapping("/api/assessments/ranking.csv")
    public void csv(@RequestParam int year, @RequestParam(required = false) String place, HttpServletResponse response)
            throws IOException {
        Ranking ranking = assessments.ranking(county(place).code(), year);
        try (Csv csv = Csv.download(response, ranking.countyName() + ranking.year() + "年度乡镇考核排名.csv")) {
            List<Object> header = new ArrayList<>(List.of("排名", "乡镇（街道）"));
            for (AssessmentDimension d : AssessmentDimension.values()) {
                header.add(d.label() + "（" + d.maxPoints() + "分）");
            }
            header.add("总分");
            header.add("评分依据");
            csv.row(header);
            for (Ranking.Row row : ranking.rows()) {
                List<Object> cells = new ArrayList<>(List.of(row.rank(), row.townshipName()));
                row.cells().forEach(c -> cells.add(c.points() == null ? "待评分" : c.points()));
                cells.add(row.total());
                cells.add(String.join("；", row.cells().stream().filter(c -> c.basis() != null)
                        .map(c -> c.label() + "：" + c.basis()).toList()));
                csv.row(cells);
            }
        }
    }

    /** The county asked for, or the one the user works in. */
    private Place county(String place) {
        PlaceScope.Tree tree = scope.current();
        if (place != null && !place.isBlank()) {
            scope.requestedRoots(tree, place);
            Place county = tree.place(place);
            if (county.level() != PlaceLevel.COUNTY) {
                throw new IllegalArgumentException("考核按县（市、区）进行，请选择县");
            }
            return county;
        }
        for (String root : tree.roots()) {
            for (Place p = tree.place(root); p != null; p = p.parentCode() == null ? null : tree.place(p.parentCode())) {
                if (p.level() == PlaceLevel.COUNTY) {
                    return p;
                }
            }
        }
        throw new IllegalArgumentException("您不在任何县的组织中，无法查看考核");
    }
}
