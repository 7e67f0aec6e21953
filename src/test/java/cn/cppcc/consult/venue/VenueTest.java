package cn.cppcc.consult.venue;

import static cn.cppcc.consult.support.WebSession.ok;
import static cn.cppcc.consult.support.WebSession.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cppcc.consult.demo.DemoData;
import cn.cppcc.consult.organisation.Role;
import cn.cppcc.consult.support.ConsultTest;
import cn.cppcc.consult.support.FixturePlaces;
import cn.cppcc.consult.support.WebSession;

/** Venues kept by their place's organisers; the "six haves" found by the county's assessors, year by year. */
@ConsultTest
class VenueTest {

    private static final String TOWN = "venuet";

    @LocalServerPort int port;
    @Value("${consult.demo.password}") String password;
    @Autowired FixturePlaces fixtures;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void fixtures() {
        fixtures.township(TOWN, "阵地镇", 1);
    }

    @Test
    void organisersKeepVenuesAndOnlyAssessorsRecordTheSixHaves() throws Exception {
        WebSession liaison = WebSession.loggedIn(port, DemoData.userId(TOWN, Role.LIAISON), password);
        String studio = json.writeValueAsString(Map.of("placeCode", TOWN, "name", "阵地镇同心圆工作室", "kind", "STUDIO",
                "address", "镇政府二楼"));
        long id = json.readTree(ok(liaison.postJson("/api/venues", studio))).path("id").asLong();
        assertThat(refused(liaison.postJson("/api/venues", json.writeValueAsString(
                Map.of("placeCode", TOWN, "name", "无类型"))), 400)).contains("请选择平台类型");

        String found = json.writeValueAsString(Map.of("site", true, "sign", true, "rules", true, "procedure", false,
                "activities", true, "results", false, "comment", "流程未上墙"));
        HttpResponse<String> byLiaison = liaison.putJson("/api/venues/" + id + "/assessments/2025", found);
        assertThat(byLiaison.statusCode()).isEqualTo(403);
        assertThat(byLiaison.body()).contains("您无权评定协商平台的“六个有”");

        WebSession assessor = WebSession.loggedIn(port, "qingxi.supervisor", password);
        ok(assessor.putJson("/api/venues/" + id + "/assessments/2025", found));
        ok(assessor.putJson("/api/venues/" + id + "/assessments/2025", found.replace("\"results\":false", "\"results\":true")));
        assertThat(assessor.putJson("/api/venues/" + id + "/assessments/2999", found).body()).contains("考核年度须在2000年至");

        JsonNode venue = json.readTree(ok(liaison.get("/api/venues?place=" + TOWN + "&year=2025"))).get(0);
        assertThat(venue.path("kindLabel").asText()).isEqualTo("同心圆工作室");
        assertThat(venue.path("count").asInt()).isEqualTo(5);
        assertThat(venue.path("missing").toString()).isEqualTo("[\"有流程\"]");
        assertThat(venue.path("assessedBy").asText()).isEqualTo("qingxi.supervisor");
        JsonNode notYet = json.readTree(ok(liaison.get("/api/venues?place=" + TOWN + "&year=2024"))).get(0);
        assertThat(notYet.path("count").isNull()).isTrue();
    }
}
