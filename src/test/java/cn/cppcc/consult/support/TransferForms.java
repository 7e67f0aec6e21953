package cn.cppcc.consult.support;

import static cn.cppcc.consult.demo.TasklistDriver.json;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.cppcc.consult.process.EngineClock;
import cn.cppcc.consult.process.FormValues;

/** The mechanisms' forms as Tasklist submits them: radio values as text, dates as ISO text, lists as Json. */
public final class TransferForms {

    private TransferForms() {
    }

    public static LocalDate today() {
        return EngineClock.now().atZoneSameInstant(FormValues.ZONE).toLocalDate();
    }

    /** One responsible department of the assigning form. */
    public static Map<String, Object> unit(String department, boolean lead, String userId, LocalDate dueOn) {
        Map<String, Object> unit = new LinkedHashMap<>();
        unit.put("department", department);
        unit.put("lead", lead);
        unit.put("userId", userId == null ? "" : userId);
        unit.put("dueOn", dueOn.toString());
        return unit;
    }

    @SafeVarargs
    public static Map<String, Object> assign(Map<String, Object>... units) {
        return Map.of("assignmentRoute", "DIRECT", "requirements", "按期办结并报告", "units", json(List.of(units)));
    }

    /** Assigned to one department, 县交通局, due in 30 days. */
    public static Map<String, Object> assignOne() {
        return assign(unit("县交通局", true, null, today().plusDays(30)));
    }

    /** Assigned after a county instruction: the route radio is hidden, only the departments come. */
    @SafeVarargs
    public static Map<String, Object> assignInstructed(Map<String, Object>... units) {
        return Map.of("requirements", "按县委要求落实", "units", json(List.of(units)));
    }

    public static Map<String, Object> requestCounty(String reason) {
        return Map.of("assignmentRoute", "COUNTY", "countyRequest", reason);
    }

    public static Map<String, Object> propose(boolean propose, String opinion) {
        return Map.of("countyProposed", String.valueOf(propose), "countyProposal", opinion);
    }

    public static Map<String, Object> instruct(String instruction, LocalDate deadline) {
        return Map.of("countyInstruction", instruction, "countyDeadline", deadline.toString());
    }

    public static Map<String, Object> progress(int percent, String content) {
        return Map.of("status", "IN_PROGRESS", "progress", percent, "content", content);
    }

    public static Map<String, Object> done(String content) {
        return Map.of("status", "DONE", "content", content);
    }

    public static Map<String, Object> draft(String kind, String title) {
        return Map.of("kind", kind, "title", title, "content", "情况：群众反映强烈。建议：统筹解决。");
    }

    public static Map<String, Object> review(boolean approved, String comment) {
        Map<String, Object> form = new HashMap<>();
        form.put("escalationApproved", String.valueOf(approved));
        form.put("comment", comment);
        return form;
    }

    public static Map<String, Object> register(String number) {
        return Map.of("submittedTo", "县政协提案委员会", "registrationNumber", number, "handlingUnit", "县交通运输局");
    }

    public static Map<String, Object> answer(String adoption) {
        return Map.of("answer", "已纳入年度计划并安排资金", "adoption", adoption, "answeredOn", today().toString());
    }

    public static Map<String, Object> inquire() {
        return Map.of("activities", json(List.of(
                Map.of("method", "INSPECTION", "heldOn", today().toString(), "findings", "现场查看，道路已修复"),
                Map.of("method", "QUESTIONNAIRE", "heldOn", today().toString(), "findings", "走访沿线群众",
                        "respondents", 20, "satisfiedRespondents", 17))));
    }

    public static Map<String, Object> evaluate(String rating, String comment) {
        Map<String, Object> form = new HashMap<>();
        form.put("rating", rating);
        form.put("satisfiedVotes", rating.equals("UNSATISFIED") ? 2 : 9);
        form.put("basicVotes", 1);
        form.put("unsatisfiedVotes", rating.equals("UNSATISFIED") ? 8 : 0);
        form.put("comment", comment);
        return form;
    }

    public static Map<String, Object> rehandle(String measures) {
        return Map.of("measures", measures);
    }

    public static Map<String, Object> supervise(String opinion) {
        return Map.of("supervision", opinion);
    }

    public static Map<String, Object> feedback(boolean isFinal, String content) {
        return Map.of("finalFeedback", String.valueOf(isFinal), "adoption", "ADOPTED", "content", content);
    }
}
