package cn.cppcc.consult.support;

import static cn.cppcc.consult.demo.TasklistDriver.json;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.cppcc.consult.process.EngineClock;

/** Form submissions as Tasklist sends them: radio values as text, lists as Json. */
public final class Forms {

    private Forms() {
    }

    public static Map<String, Object> startConsultation(String title) {
        return Map.of("title", title, "description", "群众反映的问题，需要协商解决", "source", "OFFLINE");
    }

    public static Map<String, Object> topicDecision(String decision, String reason) {
        Map<String, Object> form = new HashMap<>();
        form.put("topicDecision", decision);
        form.put("reason", reason);
        return form;
    }

    public static Map<String, Object> revisedTopic(String title) {
        return Map.of("topicTitle", title, "topicDescription", "修改后的议题内容");
    }

    public static Map<String, Object> plan(String form, boolean sensitive) {
        Map<String, Object> values = new HashMap<>();
        values.put("consultationForm", form);
        values.put("host", "镇长");
        values.put("venue", "同心圆工作室");
        values.put("scheduledAt", EngineClock.now().plusDays(7).toString());
        values.put("closingAt", EngineClock.now().plusDays(3).toString());
        values.put("sensitive", sensitive);
        return values;
    }

    /** A citizen, a stakeholder and a member with an account (who gets the advance notice). */
    public static Map<String, Object> participants(String memberUserId) {
        return Map.of("participants", json(List.of(
                Map.of("name", "王委员", "category", "MEMBER", "organisation", "县政协委员", "userId", memberUserId),
                Map.of("name", "李群众", "category", "CITIZEN", "organisation", "村民代表", "userId", ""),
                Map.of("name", "张住户", "category", "STAKEHOLDER", "organisation", "受影响住户"))));
    }

    public static Map<String, Object> answer(String key, boolean yes, String comment) {
        Map<String, Object> form = new HashMap<>();
        form.put(key, String.valueOf(yes));
        form.put("comment", comment);
        return form;
    }

    public static Map<String, Object> research() {
        return Map.of(
                "activities", json(List.of(
                        Map.of("kind", "FORUM", "heldOn", EngineClock.now().toLocalDate().toString(), "summary", "召开座谈会"),
                        Map.of("kind", "VISIT", "heldOn", EngineClock.now().toLocalDate().toString(), "summary", "入户走访"))),
                "report", "调研报告：群众诉求集中，具备协商条件");
    }

    public static Map<String, Object> meeting(List<String> participantIds) {
        return Map.of(
                "attendance", json(participantIds),
                "opinions", json(List.of(Map.of("participantId", participantIds.get(0), "content", "建议分步实施"))),
                "responses", json(List.of(Map.of("department", "县交通局", "content", "纳入明年计划"))),
                "outcome", "CONSENSUS",
                "summary", "达成共识");
    }

    /** Minutes naming one result item per given set of mechanism names. */
    @SafeVarargs
    public static Map<String, Object> minutes(List<String>... itemMechanisms) {
        return Map.of("minutes", "协商纪要正文", "resultItems", json(java.util.Arrays.stream(itemMechanisms)
                .map(m -> Map.of("content", "成果事项", "mechanisms", m, "department", "县交通局",
                        "dueOn", EngineClock.now().toLocalDate().plusDays(30).toString()))
                .toList()));
    }
}
