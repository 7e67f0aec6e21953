package cn.cppcc.consult.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.cppcc.consult.citizen.Citizen;
import cn.cppcc.consult.citizen.CitizenRepository;
import cn.cppcc.consult.demo.TasklistDriver;
import cn.cppcc.consult.intake.IntakeService;
import cn.cppcc.consult.intake.OnlineSubmission;
import cn.cppcc.consult.process.EngineClock;
import cn.cppcc.consult.support.ConsultTest;
import cn.cppcc.consult.support.DatabaseScan;
import cn.cppcc.consult.support.Jobs;
import cn.cppcc.consult.topic.TopicStatus;

/**
 * PIPL: two citizens raise topics online and quote their own number; staff reject both and quote
 * name and number in their reason (submitted as Tasklist does, so it reaches the engine's history,
 * a task comment, the topic and the messages). One topic was closed three years ago, the other
 * today. After an anonymisation run, every text and binary column of every table of the schema
 * (ours and the engine's, found through JDBC metadata) is searched: the first citizen's name and
 * number are nowhere, the second's are still where they were.
 */
@ConsultTest
class PersonalDataRetentionTest {

    private static final String DELIVERY_JOB = "consult-notification-delivery";
    private static final String CHARS = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥";

    @Autowired PersonalDataRetention retention;
    @Autowired IntakeService intake;
    @Autowired CitizenRepository citizens;
    @Autowired TasklistDriver tasklist;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired ProcessEngine engine;

    @Test
    void aClosedTopicPastItsRetentionLeavesNoNameOrNumberInAnyTableAndOneWithinItKeepsThem() throws SQLException {
        String oldName = uniqueName();
        String oldMobile = uniqueMobile();
        String newName = uniqueName();
        String newMobile = uniqueMobile();
        Rejected old = rejectedTopic(oldName, oldMobile);
        Rejected recent = rejectedTopic(newName, newMobile);

        // before: the scan finds them, in our tables and in the engine's history
        assertThat(tablesContaining(oldName)).contains("CITIZEN.NAME", "TOPIC.REJECTION_REASON", "ACT_HI_DETAIL.TEXT_",
                "ACT_HI_COMMENT.MESSAGE_");
        assertThat(tablesContaining(oldMobile)).contains("CITIZEN.MOBILE", "TOPIC.DESCRIPTION");

        // the first topic was closed three years ago, when its citizen wrote in
        OffsetDateTime longAgo = EngineClock.now().minusYears(3);
        jdbc.sql("update topic set updated_at = ? where id = ?").params(longAgo, old.topicId()).update();
        jdbc.sql("update citizen set created_at = ? where id = ?").params(longAgo, old.citizenId()).update();

        assertThat(retention.anonymiseExpired()).isEqualTo(1);

        assertThat(tablesContaining(oldName)).isEmpty();
        assertThat(tablesContaining(oldMobile)).isEmpty();
        Citizen anonymised = citizens.find(old.citizenId()).orElseThrow();
        assertThat(anonymised.name()).isEmpty();
        assertThat(anonymised.mobile()).isEmpty();
        assertThat(anonymised.anonymisedAt()).isNotNull();
        // statistics keep counting it: the topic, its link to a citizen and its status stay
        assertThat(jdbc.sql("select count(*) from topic_citizen where citizen_id = ?").param(old.citizenId())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select status from topic where id = ?").param(old.topicId()).query(String.class).single())
                .isEqualTo(TopicStatus.REJECTED.name());
        assertThat(jdbc.sql("select rejection_reason from topic where id = ?").param(old.topicId()).query(String.class)
                .single()).contains("＊＊＊", "***********").doesNotContain(oldName, oldMobile);

        // within its retention: untouched
        assertThat(tablesContaining(newName)).contains("CITIZEN.NAME", "TOPIC.REJECTION_REASON", "ACT_HI_DETAIL.TEXT_");
        assertThat(tablesContaining(newMobile)).contains("CITIZEN.MOBILE", "TOPIC.DESCRIPTION");
        assertThat(citizens.find(recent.citizenId()).orElseThrow().name()).isEqualTo(newName);

        // a second run (another node, or the next night) finds nothing left to do
        assertThat(retention.anonymiseExpired()).isZero();
    }

    @Test
    void aCitizensNameAndNumberAreStoredOnceOutsideTheEnginesVariablesHistoryAndMessages() throws SQLException {
        String name = uniqueName();
        String mobile = uniqueMobile();
        // submitted online, screened, rejected, the citizen told by text message; nobody quotes them
        rejectedTopic(name, mobile, false);
        assertThat(tablesContaining(name)).containsExactly("CITIZEN.NAME");
        assertThat(tablesContaining(mobile)).containsExactly("CITIZEN.MOBILE");
    }

    @Test
    void historyCleanupRunsEveryNightOnTheModelsTimeToLive() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
        assertThat(configuration.isEnforceHistoryTimeToLive()).isTrue();
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list())
                .isNotEmpty().allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isNotNull().isPositive());
        assertThat(retention.retention()).isEqualTo(java.time.Period.ofYears(2));
    }

    @Test
    void masksKeepTheByteLengthOfWhatTheyReplace() {
        Map<String, String> masks = PersonalDataRetention.masks("张三丰", "13812345678");
        assertThat(masks).containsEntry("张三丰", "＊＊＊").containsEntry("13812345678", "***********");
        byte[] text = "{\"note\":\"张三丰 13812345678\"}".getBytes(StandardCharsets.UTF_8);
        byte[] masked = PersonalDataRetention.mask(text, masks);
        assertThat(masked).hasSameSizeAs(text);
        assertThat(new String(masked, StandardCharsets.UTF_8)).isEqualTo("{\"note\":\"＊＊＊ ***********\"}");
        assertThat(PersonalDataRetention.mask("无关内容".getBytes(StandardCharsets.UTF_8), masks))
                .isEqualTo("无关内容".getBytes(StandardCharsets.UTF_8));
    }

    private record Rejected(long topicId, long citizenId) {
    }

    /** 网络征题 by the citizen, screened and rejected in Tasklist with a reason quoting them, the citizen told. */
    private Rejected rejectedTopic(String name, String mobile) {
        return rejectedTopic(name, mobile, true);
    }

    private Rejected rejectedTopic(String name, String mobile, boolean quoted) {
        IntakeService.Receipt receipt = intake.submitOnline(new OnlineSubmission(name, mobile, "yunling", "shuikou",
                "村口路灯损坏" + name.substring(1), "路灯坏了很久" + (quoted ? "，联系电话" + mobile : "，晚上出行不便"), 35));
        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(receipt.topicNumber())
                .singleResult();
        Map<String, Object> screening = new HashMap<>();
        screening.put("occurrencePlace", "shuikou");
        screening.put("resolutionLevel", "VILLAGE");
        screening.put("inLitigation", false);
        screening.put("inPetitionSystem", false);
        screening.put("individualOnly", true);
        screening.put("settledByPolicy", false);
        screening.put("note", quoted ? "已电话联系" + name + "（" + mobile + "）核实情况" : "已核实情况");
        tasklist.submit(task(pi), screener(task(pi)), screening);
        tasklist.submit(task(pi), screener(task(pi)), Map.of("intakeDecision", "REJECT",
                "reason", (quoted ? "经与" + name + "（" + mobile + "）沟通，" : "") + "该事项仅涉及个人诉求，不具有代表性"));
        Jobs.runAll(managementService, pi.getId());
        // the messages' deliveries, text messages to the citizen included
        managementService.createJobQuery().list().stream()
                .filter(job -> job instanceof JobEntity entity && DELIVERY_JOB.equals(entity.getJobHandlerType())
                        && job.getRetries() > 0)
                .forEach(job -> {
                    try {
                        managementService.executeJob(job.getId());
                    } catch (RuntimeException e) {
                        // a delivery that fails (no mail server in tests) keeps its error for the scan
                    }
                });
        long topicId = jdbc.sql("select id from topic where number = ?").param(receipt.topicNumber()).query(Long.class).single();
        assertThat(jdbc.sql("select status from topic where id = ?").param(topicId).query(String.class).single())
                .isEqualTo(TopicStatus.REJECTED.name());
        return new Rejected(topicId, citizens.raisersOfTopic(topicId).get(0));
    }

    private Task task(ProcessInstance pi) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    }

    private String screener(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).get(0).getGroupId().replace('-', '.');
    }

    private List<String> tablesContaining(String value) throws SQLException {
        return DatabaseScan.columnsContaining(dataSource, value);
    }

    private static String uniqueName() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder name = new StringBuilder("隐");
        for (int i = 0; i < 3; i++) {
            name.append(CHARS.charAt(random.nextInt(CHARS.length())));
        }
        return name.toString();
    }

    private static String uniqueMobile() {
        return "1" + (30 + ThreadLocalRandom.current().nextInt(60)) + String.format("%08d",
                ThreadLocalRandom.current().nextInt(100_000_000));
    }
}
