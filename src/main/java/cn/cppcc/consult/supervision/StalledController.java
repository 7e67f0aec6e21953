package cn.cppcc.consult.supervision;

import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.cppcc.consult.consultation.Stage;
import cn.cppcc.consult.organisation.PlaceLevel;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.supervision.StalledConsultation.OverdueItem;
import cn.cppcc.consult.supervision.StalledConsultations.Page;
import cn.cppcc.consult.supervision.StalledConsultations.StageCount;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The stalled-consultation view's data, for the Cockpit plugin (same login session as Cockpit):
 * {@code GET /api/supervision/stalled} (a page, filtered and sorted), {@code …/stalled.csv} (all of
 * it, for Excel), {@code …/summary} (the dashboard), {@code …/filters} (the filter choices).
 */
@RestController
public class StalledController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final StalledConsultations stalled;
    private final PlaceScope scope;

    StalledController(StalledConsultations stalled, PlaceScope scope) {
        this.stalled = stalled;
        this.scope = scope;
    }

    /**
     * The view's request parameters, as the plugin sends them: {@code place}, {@code stage} (repeated),
     * {@code level}, {@code minDaysOverdue}, {@code minDaysInStage}, {@code overdueOnly}, {@code q},
     * {@code sort}, {@code desc}, {@code page}, {@code size}.
     */
    public record Params(String place, List<String> stage, String level, Integer minDaysOverdue, Integer minDaysInStage,
            Boolean overdueOnly, String q, String sort, Boolean desc, Integer page, Integer size) {

        StalledQuery query(int defaultSize) {
            return new StalledQuery(blank(place) ? null : place,
                    stage == null ? List.of() : stage.stream().filter(s -> !blank(s)).map(s -> parse(Stage.class, s, "阶段"))
                            .toList(),
                    blank(level) ? null : parse(PlaceLevel.class, level, "层级"), minDaysOverdue, minDaysInStage,
                    Boolean.TRUE.equals(overdueOnly), q, blank(sort) ? null : parse(StalledQuery.Sort.class, sort, "排序方式"),
                    Boolean.TRUE.equals(desc), page == null ? 0 : page, size == null ? defaultSize : size);
        }
    }

    @GetMapping("/api/supervision/stalled")
    public Page stalled(Params params) {
        StalledQuery query = params.query(50);
        PlaceScope.Tree tree = scope.current();
        return stalled.find(tree, scope.requestedRoots(tree, query.placeCode()), query);
    }

    @GetMapping("/api/supervision/stalled.csv")
    public void csv(Params params, HttpServletRequest request, HttpServletResponse response) throws IOException {
        StalledQuery query = params.query(1);
        PlaceScope.Tree tree = scope.current();
        List<String> roots = scope.requestedRoots(tree, query.placeCode());
        String base = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                + request.getContextPath();
        try (Csv csv = Csv.download(response, "协商督办清单.csv")) {
            csv.row("协商编号", "议题", "所在地", "层级", "当前阶段", "应急协商", "办理环节与办理人", "进入阶段时间", "阶段时限",
                    "在阶段天数", "逾期天数", "逾期成果事项", "流程异常", "流程监控链接");
            stalled.forEach(tree, roots, query, c -> csv.row(c.number(), c.title(), c.placePath(), c.level().label(),
                    c.stageName(), c.emergency() ? "是" : "否", c.holdersText(), time(c.stageEnteredAt()),
                    time(c.stageDueAt()), c.daysInStage(), c.daysOverdue(), items(c.overdueItems()),
                    String.join("；", c.incidents()), c.cockpitUrl() == null ? "" : base + c.cockpitUrl()));
        }
    }

    public record Summary(List<StageCount> stages, long running, long overdue, List<StalledConsultation> mostOverdue) {
    }

    /** The dashboard: per stage how many run and how many are overdue, and the ten most overdue. */
    @GetMapping("/api/supervision/summary")
    public Summary summary(@RequestParam(required = false) String place) {
        PlaceScope.Tree tree = scope.current();
        List<String> roots = scope.requestedRoots(tree, place);
        List<StageCount> stages = stalled.countByStage(tree, roots);
        return new Summary(stages, stages.stream().mapToLong(StageCount::running).sum(),
                stages.stream().mapToLong(StageCount::overdue).sum(),
                stalled.top(tree, roots, StalledQuery.all().withPlace(place).onlyOverdue(), 10));
    }

    public record Choice(String value, String label) {
    }

    public record Filters(List<Choice> places, List<Choice> stages, List<Choice> levels, List<Choice> sorts) {
    }

    @GetMapping("/api/supervision/filters")
    public Filters filters() {
        PlaceScope.Tree tree = scope.current();
        return new Filters(
                tree.visiblePlaces().stream().map(p -> new Choice(p.code(), tree.path(p.code()))).toList(),
                Arrays.stream(Stage.values()).filter(s -> s != Stage.CLOSED && s != Stage.REJECTED)
                        .map(s -> new Choice(s.name(), s.label())).toList(),
                Arrays.stream(PlaceLevel.values()).map(l -> new Choice(l.name(), l.label())).toList(),
                List.of(new Choice("OVERDUE", "逾期天数"), new Choice("IN_STAGE", "在阶段天数"),
                        new Choice("NUMBER", "协商编号"), new Choice("PLACE", "所在地")));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String label) {
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(label + "“" + value + "”无效");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String items(List<OverdueItem> items) {
        return String.join("；", items.stream().map(i -> i.seq() + ". " + i.content() + "（" + (i.department() == null ? ""
                : i.department() + "，") + "期限" + i.dueOn() + "，逾期" + i.daysOverdue() + "天，未完成："
                + String.join("、", i.pendingMechanisms()) + "）").toList());
    }

    private static String time(java.time.OffsetDateTime time) {
        return time == null ? "" : TIME.format(time.atZoneSameInstant(FormValues.ZONE));
    }
}
