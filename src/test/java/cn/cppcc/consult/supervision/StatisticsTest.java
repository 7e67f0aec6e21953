package cn.cppcc.consult.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cppcc.consult.consultation.ConsultationForm;
import cn.cppcc.consult.consultation.ConsultationService;
import cn.cppcc.consult.consultation.MinutesService;
import cn.cppcc.consult.consultation.TopicDecision;
import cn.cppcc.consult.demo.DemoData;
import cn.cppcc.consult.organisation.Role;
import cn.cppcc.consult.citizen.CitizenRepository;
import cn.cppcc.consult.process.EngineClock;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.support.ConsultTest;
import cn.cppcc.consult.support.FixturePlaces;
import cn.cppcc.consult.support.Scenarios;
import cn.cppcc.consult.support.WebSession;
import cn.cppcc.consult.transfer.Mechanism;
import cn.cppcc.consult.transfer.ResultItem;
import cn.cppcc.consult.transfer.TransferService;
import cn.cppcc.consult.venue.SixHaves;
import cn.cppcc.consult.venue.Venue;
import cn.cppcc.consult.venue.VenueService;
import cn.cppcc.consult.venue.VenueService.VenueInput;

/**
 * Every statistic against figures worked out by hand from a fixed data set: a township of its own
 * (统计镇) with two villages, four consultations opened on 2 March 2026 and one in 2025, counted on
 * 21 April 2026 (day 50). Limits (StageDeadlines.dmn): township topic approval 10 days, planning 10,
 * participants 7; village topic approval 7, planning 7, participants 5, research 15, consulting 15,
 * minutes 7; emergency topic approval 1 day.
 *
 * <pre>
 * C1 township  approved day 2 (limit day 10: on time), planned (meeting) day 5 (limit 12: on time),
 *              in PARTICIPANTS since day 5, limit day 12: running late
 * C2 village 1 approved day 9 (limit day 7: late), planned (written) day 10 (limit 16: on time),
 *              participants approved day 10 (limit 15), research accepted, consulted and minutes filed
 *              day 12 (all on time); items: 1 {交办, 反馈} and 2 {转报}, both due day 42;
 *              交办 of item 1 in progress, 反馈 of item 1 done, 转报 of item 2 not started;
 *              ratings: 满意 ×2, 基本满意 ×1, 不满意 ×1
 * C3 village 2 rejected day 1 (limit day 7: on time)
 * C4 village 1 emergency, still in topic approval, limit day 1: running late
 * C0 township  opened in 2025 with a 不满意 rating: not in 2026
 * </pre>
 */
@ConsultTest
class StatisticsTest {

    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-03-02T09:00:00+08:00");
    private static final String TOWN = "statt";
    private static final String V1 = FixturePlaces.village(TOWN, 1);
    private static final String V2 = FixturePlaces.village(TOWN, 2);

    @LocalServerPort int port;
    @Value("${consult.demo.password}") String password;
    @Autowired FixturePlaces fixtures;
    @Autowired Scenarios scenarios;
    @Autowired ConsultationService consultations;
    @Autowired MinutesService minutes;
    @Autowired TransferService transfers;
    @Autowired JdbcClient jdbc;
    @Autowired CitizenRepository citizens;
    @Autowired VenueService venues;
    @Autowired StatisticsService statistics;
    @Autowired PlaceScope scope;

    private final ObjectMapper json = new ObjectMapper();

    /** The data set is built once for the class: the application context is shared by the suite. */
    private static boolean built;

    @BeforeEach
    void dataSet() {
        if (!built) {
            fixtures.township(TOWN, "统计镇", 2);
            build();
            built = true;
        }
        at(T0.plusDays(50));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void consultationsByStageLevelPlaceAndForm() {
        Statistics s = compute();
        assertThat(s.area()).isEqualTo("统计镇");
        assertThat(s.consultations()).isEqualTo(4);
        assertThat(s.byStage()).extracting(Statistics.Count::key, Statistics.Count::count).containsExactly(
                tuple("TOPIC_APPROVAL", 1L), tuple("PLANNING", 0L), tuple("PARTICIPANTS", 1L), tuple("RESEARCH", 0L),
                tuple("CONSULTING", 0L), tuple("MINUTES", 0L), tuple("TRANSFER", 1L), tuple("CLOSED", 0L),
                tuple("REJECTED", 1L));
        assertThat(s.byLevel()).extracting(Statistics.Count::label, Statistics.Count::count)
                .containsExactly(tuple("乡镇（街道）", 1L), tuple("村（社区）", 3L));
        assertThat(s.byPlace()).extracting(Statistics.Count::label, Statistics.Count::count)
                .containsExactly(tuple("统计镇（本级）", 1L), tuple("统计镇1村", 2L), tuple("统计镇2村", 1L));
        assertThat(s.byForm()).extracting(Statistics.Count::label, Statistics.Count::count).containsExactly(
                tuple("会议协商", 1L), tuple("书面协商", 1L), tuple("网络协商", 0L), tuple("尚未确定", 2L));
    }

    @Test
    void onTimeRatePerStage() {
        assertThat(compute().onTime()).extracting(Statistics.OnTime::stage, Statistics.OnTime::left,
                Statistics.OnTime::leftOnTime, Statistics.OnTime::runningLate, Statistics.OnTime::rate).containsExactly(
                tuple("TOPIC_APPROVAL", 3L, 2L, 1L, 0.5),
                tuple("PLANNING", 2L, 2L, 0L, 1.0),
                tuple("PARTICIPANTS", 1L, 1L, 1L, 0.5),
                tuple("RESEARCH", 1L, 1L, 0L, 1.0),
                tuple("CONSULTING", 1L, 1L, 0L, 1.0),
                tuple("MINUTES", 1L, 1L, 0L, 1.0),
                tuple("TRANSFER", 0L, 0L, 0L, null));
    }

    @Test
    void transferItemsByMechanismAndStateFeedbackAndSatisfaction() {
        Statistics s = compute();
        assertThat(s.transfers()).extracting(Statistics.MechanismStatus::label, Statistics.MechanismStatus::items,
                Statistics.MechanismStatus::notStarted, Statistics.MechanismStatus::inProgress,
                Statistics.MechanismStatus::done, Statistics.MechanismStatus::overdue).containsExactly(
                tuple("交办", 1L, 0L, 1L, 0L, 1L),
                tuple("转报", 1L, 1L, 0L, 0L, 1L),
                tuple("问效", 0L, 0L, 0L, 0L, 0L),
                tuple("反馈", 1L, 0L, 0L, 1L, 0L));
        assertThat(s.feedback()).isEqualTo(new Statistics.Feedback(1, 1, 1, 1.0));
        assertThat(s.satisfaction()).isEqualTo(new Statistics.SatisfactionCount(2, 1, 1, 4, 0.75));
    }

    @Test
    void sixHavesPerVenue() {
        Statistics s = compute();
        assertThat(s.venues()).extracting(Statistics.VenueSixHaves::name, Statistics.VenueSixHaves::count,
                Statistics.VenueSixHaves::missing).containsExactly(
                tuple("统计镇同心圆工作室", 3, List.of("有流程", "有活动", "有实效")),
                tuple("统计镇1村议事厅", 5, List.of("有实效")),
                tuple("统计镇2村议事厅", null, null));
        assertThat(s.sixHaves()).extracting(Statistics.Count::label, Statistics.Count::count).containsExactly(
                tuple("有阵地", 2L), tuple("有标识", 2L), tuple("有制度", 2L), tuple("有流程", 1L), tuple("有活动", 1L),
                tuple("有实效", 0L));
    }

    @Test
    void staffSeeTheirAreaAndThePublicTheCountyCounts() throws Exception {
        WebSession supervisor = WebSession.loggedIn(port, "qingxi.supervisor", password);
        HttpResponse<String> mine = supervisor.get("/api/statistics?place=" + TOWN + "&year=2026");
        assertThat(mine.statusCode()).isEqualTo(200);
        JsonNode figures = json.readTree(mine.body());
        assertThat(figures.path("consultations").asLong()).isEqualTo(4);
        assertThat(figures.path("satisfaction").path("rate").asDouble()).isEqualTo(0.75);
        assertThat(json.readTree(supervisor.get("/api/statistics?place=" + TOWN + "&year=2025").body())
                .path("consultations").asLong()).isEqualTo(1);
        assertThat(supervisor.get("/api/statistics?year=2999").body()).contains("年度须在2000年至2026年之间");
        assertThat(WebSession.loggedIn(port, "taoyuan.party", password).get("/api/statistics?place=" + TOWN)
                .statusCode()).isEqualTo(403);

        HttpResponse<String> open = new WebSession(port).get("/api/public/statistics?year=2026");
        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(json.readTree(open.body()).path("consultations").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(open.body()).doesNotContain(DemoData.userId(TOWN, Role.LIAISON));
    }

    private Statistics compute() {
        PlaceScope.Tree tree = scope.forUser("qingxi.supervisor", List.of("qingxi-supervisor"));
        return statistics.compute(tree, List.of(TOWN), 2026);
    }

    private void build() {
        at(OffsetDateTime.parse("2025-06-01T09:00:00+08:00"));
        var c0 = scenarios.at(TOWN, organiser(TOWN), "统计镇旧议题", false);
        citizenRated(itemOf(c0.id()), "UNSATISFIED");

        at(T0);
        var c1 = scenarios.at(TOWN, organiser(TOWN), "统计镇议题一", false);
        var c2 = scenarios.at(V1, organiser(V1), "统计1村议题二", false);
        var c3 = scenarios.at(V2, organiser(V2), "统计2村议题三", false);
        scenarios.at(V1, organiser(V1), "统计1村应急议题四", true);

        at(T0.plusDays(1));
        consultations.decideTopic(c3.id(), TopicDecision.REJECT, "涉法涉诉", DemoData.userId(V2, Role.PARTY));
        at(T0.plusDays(2));
        c1.approved();
        at(T0.plusDays(5));
        c1.planned(ConsultationForm.MEETING, false);
        at(T0.plusDays(9));
        c2.approved();
        at(T0.plusDays(10));
        c2.planned(ConsultationForm.WRITTEN, false).withParticipants();
        at(T0.plusDays(12));
        c2.researched(true).consulted()
                .minutesFiled(EnumSet.of(Mechanism.ASSIGNMENT, Mechanism.FEEDBACK), EnumSet.of(Mechanism.ESCALATION));
        List<ResultItem> items = minutes.resultItems(c2.id());
        transfers.start(items.get(0).id(), Mechanism.ASSIGNMENT, null);
        transfers.start(items.get(0).id(), Mechanism.FEEDBACK, null);
        transfers.finish(items.get(0).id(), Mechanism.FEEDBACK, "已向群众反馈", organiser(V1));
        citizenRated(items.get(0).id(), "SATISFIED");
        citizenRated(items.get(0).id(), "SATISFIED");
        evaluated(items.get(1).id(), "BASICALLY_SATISFIED");
        citizenRated(items.get(0).id(), "UNSATISFIED");
        citizenInvitedNotYetRated(items.get(0).id());

        Venue studio = venues.add(new VenueInput(TOWN, "统计镇同心圆工作室", "STUDIO", null));
        Venue hall1 = venues.add(new VenueInput(V1, "统计镇1村议事厅", "VILLAGE_HALL", null));
        venues.add(new VenueInput(V2, "统计镇2村议事厅", "VILLAGE_HALL", null));
        venues.assess(studio.id(), 2026, new SixHaves(true, true, true, false, false, false), null, "qingxi.supervisor");
        venues.assess(hall1.id(), 2026, new SixHaves(true, true, true, true, true, false), "尚无成效", "qingxi.supervisor");
        venues.assess(hall1.id(), 2025, new SixHaves(true, true, true, true, true, true), null, "qingxi.supervisor");
    }

    /** A citizen's rating from the final feedback's link, as the feedback mechanism records it. */
    private void citizenRated(long resultItemId, String rating) {
        long citizen = citizens.insert("统计群众", "13700000000", EngineClock.now());
        jdbc.sql("""
                        insert into satisfaction_rating (result_item_id, citizen_id, token, invited_at, closes_at, rating,
                                                         rated_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(resultItemId, citizen, "t" + System.nanoTime(), EngineClock.now(), EngineClock.now().plusDays(15),
                        rating, EngineClock.now())
                .update();
    }

    /** Invited to rate, not rated: not counted. */
    private void citizenInvitedNotYetRated(long resultItemId) {
        long citizen = citizens.insert("统计群众", "13700000001", EngineClock.now());
        jdbc.sql("""
                        insert into satisfaction_rating (result_item_id, citizen_id, token, invited_at, closes_at)
                        values (?, ?, ?, ?, ?)""")
                .params(resultItemId, citizen, "t" + System.nanoTime(), EngineClock.now(), EngineClock.now().plusDays(15))
                .update();
    }

    /** The democratic evaluation (民主评议) of an effectiveness inquiry, as the inquiry mechanism records it. */
    private void evaluated(long resultItemId, String rating) {
        jdbc.sql("insert into inquiry (result_item_id, round, status, started_at) values (?, 1, 'EVALUATED', ?)")
                .params(resultItemId, EngineClock.now()).update();
        long inquiry = jdbc.sql("select id from inquiry where result_item_id = ?").param(resultItemId)
                .query(Long.class).single();
        jdbc.sql("insert into inquiry_evaluation (inquiry_id, round, rating, evaluated_at) values (?, 1, ?, ?)")
                .params(inquiry, rating, EngineClock.now()).update();
    }

    /** A result item for a consultation that never reached minutes: where an old rating can hang. */
    private long itemOf(long consultationId) {
        jdbc.sql("insert into result_item (consultation_id, seq, content) values (?, 1, '旧事项')").param(consultationId)
                .update();
        return jdbc.sql("select id from result_item where consultation_id = ?").param(consultationId).query(Long.class)
                .single();
    }

    private static String organiser(String place) {
        return DemoData.userId(place, place.equals(TOWN) ? Role.LIAISON : Role.VILLAGE_COMMITTEE);
    }

    private static void at(OffsetDateTime time) {
        ClockUtil.setCurrentTime(Date.from(time.atZoneSameInstant(FormValues.ZONE).toInstant()));
    }
}
