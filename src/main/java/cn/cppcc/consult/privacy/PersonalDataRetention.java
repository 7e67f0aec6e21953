package cn.cppcc.consult.privacy;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.citizen.Citizen;
import cn.cppcc.consult.citizen.CitizenRepository;
import cn.cppcc.consult.config.SetupLock;
import cn.cppcc.consult.process.EngineClock;

/**
 * PIPL: a citizen's name and mobile number are kept while they are needed, i.e. until every topic
 * the citizen raised or is affected by, and every consultation they took part in online, has been
 * closed for longer than {@code consult.privacy.retention} (two years by default). Then, every night,
 * they are removed from every place they reached:
 *
 * <ul>
 *   <li>the citizen record itself (blanked, the row and its links stay: statistics still count it);</li>
 *   <li>online participation: the author name of their opinions, the participant record they were
 *   invited as, their sign-ins; verification codes of the period;</li>
 *   <li>text that may quote them: the topics' title, description, screening notes and reasons, the
 *   topics' and consultations' timelines, their opinions and their edits, and every message
 *   (inbox text, text message, delivery errors);</li>
 *   <li>the engine's history of the topics' and consultations' processes (variables and submitted form
 *   values, task descriptions, comments, the operation log, their byte arrays) and job and incident
 *   messages that quote the number.</li>
 * </ul>
 *
 * In texts a name becomes {@value #NAME_MASK}-characters and a number {@code *}s of the same length
 * (the same byte length in UTF-8, so serialised values stay readable). A topic counts as closed when
 * not accepted (不予采纳) or done (已办结), from its last change; a consultation from its closing. A
 * citizen signed in on the public pages at the time keeps their data until the sign-in expires.
 * The run takes the row {@code privacy-anonymisation} of {@code setup_lock}, so nodes of a cluster
 * run it one after the other; the second finds nothing left to do.
 */
@Service
public class PersonalDataRetention {

    private static final Logger LOG = LoggerFactory.getLogger(PersonalDataRetention.class);
    static final String LOCK = "privacy-anonymisation";
    static final String NAME_MASK = "＊";
    static final String ANONYMOUS = "（已匿名）";

    /** Engine history text columns, each scoped by its process instance column. */
    private static final List<String[]> ENGINE_TEXT = List.of(
            new String[] {"ACT_HI_VARINST", "TEXT_", "PROC_INST_ID_"},
            new String[] {"ACT_HI_VARINST", "TEXT2_", "PROC_INST_ID_"},
            new String[] {"ACT_HI_DETAIL", "TEXT_", "PROC_INST_ID_"},
            new String[] {"ACT_HI_DETAIL", "TEXT2_", "PROC_INST_ID_"},
            new String[] {"ACT_HI_TASKINST", "DESCRIPTION_", "PROC_INST_ID_"},
            new String[] {"ACT_HI_TASKINST", "NAME_", "PROC_INST_ID_"},
            new String[] {"ACT_HI_COMMENT", "MESSAGE_", "PROC_INST_ID_"},
            new String[] {"ACT_HI_OP_LOG", "ORG_VALUE_", "PROC_INST_ID_"},
            new String[] {"ACT_HI_OP_LOG", "NEW_VALUE_", "PROC_INST_ID_"},
            new String[] {"ACT_HI_INCIDENT", "INCIDENT_MSG_", "PROC_INST_ID_"},
            new String[] {"ACT_HI_JOB_LOG", "JOB_EXCEPTION_MSG_", "PROCESS_INSTANCE_ID_"},
            new String[] {"ACT_HI_ACTINST", "ACT_NAME_", "PROC_INST_ID_"});

    /** Engine byte arrays of the history rows of a process instance. */
    private static final List<String> ENGINE_BYTES = List.of(
            "select BYTEARRAY_ID_ from ACT_HI_VARINST where PROC_INST_ID_ in (:ids) and BYTEARRAY_ID_ is not null",
            "select BYTEARRAY_ID_ from ACT_HI_DETAIL where PROC_INST_ID_ in (:ids) and BYTEARRAY_ID_ is not null",
            "select JOB_EXCEPTION_STACK_ID_ from ACT_HI_JOB_LOG where PROCESS_INSTANCE_ID_ in (:ids) and JOB_EXCEPTION_STACK_ID_ is not null");

    /** Texts of ours that may quote a citizen, each scoped by the topics (:topics) or consultations (:consultations). */
    private static final List<String[]> OWN_TEXT = List.of(
            new String[] {"topic", "title", "id in (:topics)"},
            new String[] {"topic", "description", "id in (:topics)"},
            new String[] {"topic", "rejection_reason", "id in (:topics)"},
            new String[] {"topic_event", "comment", "topic_id in (:topics)"},
            new String[] {"topic_screening", "note", "topic_id in (:topics)"},
            new String[] {"topic_screening", "screening_rule_reason", "topic_id in (:topics)"},
            new String[] {"topic_screening", "decision_reason", "topic_id in (:topics)"},
            new String[] {"timeline_event", "comment", "consultation_id in (:consultations)"},
            new String[] {"opinion", "content", "consultation_id in (:consultations)"},
            new String[] {"opinion", "hidden_reason", "consultation_id in (:consultations)"},
            new String[] {"opinion_history", "content", "opinion_id in (select id from opinion where consultation_id in (:consultations))"},
            new String[] {"opinion_history", "reason", "opinion_id in (select id from opinion where consultation_id in (:consultations))"});

    /** Messages: a notice about a topic may have gone to anyone, so every message is searched. */
    private static final List<String[]> MESSAGE_TEXT = List.of(
            new String[] {"notification", "subject"},
            new String[] {"notification", "body"},
            new String[] {"notification", "short_text"},
            new String[] {"notification_delivery", "last_error"});

    private final JdbcClient jdbc;
    private final SetupLock setupLock;
    private final CitizenRepository citizens;
    private final Period retention;

    PersonalDataRetention(JdbcClient jdbc, SetupLock setupLock, CitizenRepository citizens,
            @Value("${consult.privacy.retention:P2Y}") Period retention) {
        this.jdbc = jdbc;
        this.setupLock = setupLock;
        this.citizens = citizens;
        this.retention = retention;
    }

    public Period retention() {
        return retention;
    }

    /** Every night; one node at a time (see the class comment). */
    @Scheduled(cron = "${consult.privacy.anonymisation-cron:0 30 2 * * *}", zone = "Asia/Shanghai")
    @Transactional
    public void nightly() {
        int done = anonymiseExpired();
        if (done > 0) {
            LOG.info("个人信息保护：{} 位群众的姓名和手机号码已超过保存期限，已匿名化", done);
        }
    }

    /** Anonymises every citizen whose data is past its retention now; returns how many. */
    @Transactional
    public int anonymiseExpired() {
        setupLock.take(LOCK);
        OffsetDateTime now = EngineClock.now();
        OffsetDateTime cutoff = now.minus(retention);
        List<Long> expired = jdbc.sql("""
                        select c.id from citizen c
                        where c.anonymised_at is null and c.created_at < :cutoff
                          and not exists (select 1 from topic_citizen tc join topic t on t.id = tc.topic_id
                                          where tc.citizen_id = c.id
                                            and (t.status not in ('REJECTED', 'CLOSED') or t.updated_at >= :cutoff
                                                 or exists (select 1 from consultation k where k.topic_id = t.id
                                                            and (k.closed_at is null or k.closed_at >= :cutoff))))
                          and not exists (select 1 from consultation k where k.id in (""" + ONLINE_CONSULTATIONS + """
                                          ) and (k.closed_at is null or k.closed_at >= :cutoff))
                          and not exists (select 1 from online_session s where s.citizen_id = c.id and s.expires_at > :now)
                        order by c.id""")
                .param("cutoff", cutoff)
                .param("now", now)
                .query(Long.class)
                .list();
        for (long id : expired) {
            citizens.find(id).ifPresent(citizen -> anonymise(citizen, now));
        }
        jdbc.sql("delete from verification_code where created_at < ?").param(cutoff).update();
        return expired.size();
    }

    /** The consultations a citizen (:citizen, or c.id) took part in online. */
    private static final String ONLINE_CONSULTATIONS = """
            select o.consultation_id from opinion o where o.citizen_id = c.id
            union select o.consultation_id from opinion_support s join opinion o on o.id = s.opinion_id where s.citizen_id = c.id
            union select i.consultation_id from online_invitation i where i.citizen_id = c.id""";

    private void anonymise(Citizen citizen, OffsetDateTime now) {
        String name = citizen.name();
        String mobile = citizen.mobile();
        long id = citizen.id();
        List<Long> topics = jdbc.sql("select topic_id from topic_citizen where citizen_id = ?").param(id)
                .query(Long.class).list();
        Set<Long> consultations = new LinkedHashSet<>(jdbc.sql(
                        ONLINE_CONSULTATIONS.replace("c.id", ":citizen"))
                .param("citizen", id).query(Long.class).list());
        if (!topics.isEmpty()) {
            consultations.addAll(jdbc.sql("select id from consultation where topic_id in (:topics)")
                    .param("topics", topics).query(Long.class).list());
        }
        List<String> keys = new ArrayList<>();
        if (!topics.isEmpty()) {
            keys.addAll(jdbc.sql("select number from topic where id in (:topics)").param("topics", topics)
                    .query(String.class).list());
        }
        if (!consultations.isEmpty()) {
            keys.addAll(jdbc.sql("select number from consultation where id in (:consultations)")
                    .param("consultations", consultations).query(String.class).list());
        }

        Map<String, String> masks = masks(name, mobile);
        List<Long> topicScope = topics.isEmpty() ? List.of(-1L) : topics;
        List<Long> consultationScope = consultations.isEmpty() ? List.of(-1L) : List.copyOf(consultations);
        for (String[] text : OWN_TEXT) {
            masks.forEach((value, mask) -> jdbc.sql("update " + text[0] + " set " + text[1] + " = replace(" + text[1]
                            + ", :value, :mask) where " + text[2] + " and " + text[1] + " like :pattern")
                    .param("topics", topicScope).param("consultations", consultationScope)
                    .param("value", value).param("mask", mask).param("pattern", like(value))
                    .update());
        }
        for (String[] text : MESSAGE_TEXT) {
            masks.forEach((value, mask) -> jdbc.sql("update " + text[0] + " set " + text[1] + " = replace(" + text[1]
                            + ", :value, :mask) where " + text[1] + " like :pattern")
                    .param("value", value).param("mask", mask).param("pattern", like(value)).update());
        }
        jdbc.sql("update opinion set author_name = ? where citizen_id = ?").params(ANONYMOUS, id).update();
        jdbc.sql("update participant set name = ? where id in (select participant_id from online_invitation where citizen_id = ?)")
                .params(ANONYMOUS, id).update();
        jdbc.sql("delete from online_session where citizen_id = ?").param(id).update();
        engineHistory(keys, masks);
        citizens.anonymise(id, now);
    }

    private void engineHistory(List<String> businessKeys, Map<String, String> masks) {
        List<String> processes = businessKeys.isEmpty() ? List.of() : jdbc.sql("""
                        select p.ID_ from ACT_HI_PROCINST p where p.ROOT_PROC_INST_ID_ in (
                            select r.ID_ from ACT_HI_PROCINST r where r.BUSINESS_KEY_ in (:keys))
                        union select r.ID_ from ACT_HI_PROCINST r where r.BUSINESS_KEY_ in (:keys)""")
                .param("keys", businessKeys).query(String.class).list();
        if (!processes.isEmpty()) {
            for (String[] text : ENGINE_TEXT) {
                masks.forEach((value, mask) -> jdbc.sql("update " + text[0] + " set " + text[1] + " = replace(" + text[1]
                                + ", :value, :mask) where " + text[2] + " in (:ids) and " + text[1] + " like :pattern")
                        .param("ids", processes).param("value", value).param("mask", mask).param("pattern", like(value))
                        .update());
            }
            Set<String> byteArrays = new LinkedHashSet<>();
            for (String query : ENGINE_BYTES) {
                byteArrays.addAll(jdbc.sql(query).param("ids", processes).query(String.class).list());
            }
            byteArrays.addAll(jdbc.sql("select ID_ from ACT_GE_BYTEARRAY where ROOT_PROC_INST_ID_ in (:ids)")
                    .param("ids", processes).query(String.class).list());
            byteArrays.forEach(byteArray -> maskBytes("ACT_GE_BYTEARRAY", "BYTES_", "ID_", byteArray, masks));
            jdbc.sql("select ID_ from ACT_HI_COMMENT where PROC_INST_ID_ in (:ids)").param("ids", processes)
                    .query(String.class).list()
                    .forEach(comment -> maskBytes("ACT_HI_COMMENT", "FULL_MSG_", "ID_", comment, masks));
        }
        // failed deliveries' jobs and incidents (a gateway's error may quote the number), whatever process
        masks.entrySet().stream().filter(e -> e.getKey().chars().allMatch(Character::isDigit)).forEach(e -> {
            for (String[] text : List.of(new String[] {"ACT_HI_JOB_LOG", "JOB_EXCEPTION_MSG_"},
                    new String[] {"ACT_HI_INCIDENT", "INCIDENT_MSG_"}, new String[] {"ACT_RU_JOB", "EXCEPTION_MSG_"},
                    new String[] {"ACT_RU_INCIDENT", "INCIDENT_MSG_"})) {
                jdbc.sql("update " + text[0] + " set " + text[1] + " = replace(" + text[1] + ", :value, :mask) where "
                                + text[1] + " like :pattern")
                        .param("value", e.getKey()).param("mask", e.getValue()).param("pattern", like(e.getKey())).update();
            }
        });
    }

    private void maskBytes(String table, String column, String idColumn, String id, Map<String, String> masks) {
        byte[] bytes = jdbc.sql("select " + column + " from " + table + " where " + idColumn + " = ?").param(id)
                .query((rs, n) -> rs.getBytes(1)).optional().orElse(null);
        if (bytes == null) {
            return;
        }
        byte[] masked = mask(bytes, masks);
        if (masked != bytes) {
            jdbc.sql("update " + table + " set " + column + " = ? where " + idColumn + " = ?").params(masked, id).update();
        }
    }

    /** The bytes with every occurrence of each value (UTF-8) replaced by its mask of the same byte length. */
    static byte[] mask(byte[] bytes, Map<String, String> masks) {
        byte[] result = bytes;
        for (Map.Entry<String, String> entry : masks.entrySet()) {
            byte[] value = entry.getKey().getBytes(StandardCharsets.UTF_8);
            byte[] mask = entry.getValue().getBytes(StandardCharsets.UTF_8);
            if (value.length == 0 || value.length != mask.length) {
                continue;
            }
            for (int i = 0; i + value.length <= result.length; i++) {
                if (java.util.Arrays.equals(result, i, i + value.length, value, 0, value.length)) {
                    if (result == bytes) {
                        result = bytes.clone();
                    }
                    System.arraycopy(mask, 0, result, i, mask.length);
                    i += value.length - 1;
                }
            }
        }
        return result;
    }

    /** Name → ＊ per character (3 bytes in UTF-8, as a Chinese character), number → * per digit. */
    static Map<String, String> masks(String name, String mobile) {
        Map<String, String> masks = new java.util.LinkedHashMap<>();
        if (mobile != null && mobile.length() >= 5) {
            masks.put(mobile, "*".repeat(mobile.length()));
        }
        if (name != null && name.codePointCount(0, name.length()) >= 2) {
            StringBuilder mask = new StringBuilder();
            name.codePoints().forEach(c -> mask.append(new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8).length == 3
                    ? NAME_MASK : "*".repeat(new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8).length)));
            masks.put(name, mask.toString());
        }
        return masks;
    }

    private static String like(String value) {
        return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
