package cn.cppcc.consult.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cppcc.consult.participation.OnlineFixture.Online;
import cn.cppcc.consult.privacy.PersonalDataRetention;
import cn.cppcc.consult.process.EngineClock;
import cn.cppcc.consult.support.ConsultTest;
import cn.cppcc.consult.support.DatabaseScan;
import cn.cppcc.consult.support.Places;
import cn.cppcc.consult.support.WebSession;

/**
 * PIPL for online consultations: a person registers with name and number, posts an opinion quoting
 * both and is signed in; the consultation closed three years ago. After the anonymisation run the
 * name and number are in no table, the opinion stays (its author shown as anonymised) and counts.
 */
@ConsultTest
class OnlineAnonymisationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired OnlineFixture fixture;
    @Autowired PersonalDataRetention retention;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @LocalServerPort int port;

    @BeforeEach
    void open() {
        fixture.open();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void anOnlineParticipantsNameAndNumberAreGoneOnceTheConsultationIsPastItsRetention() throws Exception {
        Online online = fixture.openConsultation(Places.TOWNSHIP);
        String name = "匿名" + "甲乙丙丁戊己庚辛壬癸".charAt((int) (System.nanoTime() % 10)) + "参与人";
        String mobile = OnlineFixture.mobile();
        WebSession person = fixture.registered(port, name, mobile);
        HttpResponse<String> posted = person.postJson("/api/public/online/consultations/" + online.number() + "/opinions",
                JSON.writeValueAsString(Map.of("content", "我是" + name + "，电话" + mobile + "，建议增设路灯")));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        long citizenId = jdbc.sql("select citizen_id from opinion where consultation_id = ?").param(online.id())
                .query(Long.class).single();
        assertThat(DatabaseScan.columnsContaining(dataSource, name)).contains("CITIZEN.NAME", "OPINION.CONTENT");
        assertThat(DatabaseScan.columnsContaining(dataSource, mobile)).contains("CITIZEN.MOBILE", "OPINION.CONTENT");

        // signed in and taking part: nothing happens
        OffsetDateTime longAgo = EngineClock.now().minusYears(3);
        jdbc.sql("update citizen set created_at = ? where id = ?").params(longAgo, citizenId).update();
        assertThat(retention.anonymiseExpired()).isZero();

        // the consultation closed, and the person signed in, three years ago
        jdbc.sql("update consultation set closed_at = ? where id = ?").params(longAgo, online.id()).update();
        jdbc.sql("update online_session set expires_at = ? where citizen_id = ?").params(longAgo.plusDays(7), citizenId)
                .update();
        assertThat(retention.anonymiseExpired()).isEqualTo(1);

        assertThat(DatabaseScan.columnsContaining(dataSource, name)).isEmpty();
        assertThat(DatabaseScan.columnsContaining(dataSource, mobile)).isEmpty();
        assertThat(jdbc.sql("select author_name from opinion where citizen_id = ?").param(citizenId).query(String.class)
                .single()).isEqualTo("（已匿名）");
        assertThat(jdbc.sql("select count(*) from opinion where consultation_id = ?").param(online.id()).query(Long.class)
                .single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from online_session where citizen_id = ?").param(citizenId)
                .query(Long.class).single()).isZero();
    }
}
