package cn.cppcc.consult.support;

import java.util.Map;

import org.springframework.stereotype.Component;

import cn.cppcc.consult.consultation.ConsultationKind;
import cn.cppcc.consult.intake.IntakeDecision;
import cn.cppcc.consult.intake.IntakeService;
import cn.cppcc.consult.intake.IntakeService.Decision;
import cn.cppcc.consult.intake.IntakeService.Findings;
import cn.cppcc.consult.intake.IntakeService.StaffTopic;
import cn.cppcc.consult.intake.LevelOutcome;
import cn.cppcc.consult.intake.ScreeningOutcome;
import cn.cppcc.consult.organisation.PlaceLevel;
import cn.cppcc.consult.topic.Topic;
import cn.cppcc.consult.topic.TopicSource;

/** Topics as intake leaves them, built through its service (no process): candidates for plans. */
@Component
public class Topics {

    private final IntakeService intake;

    Topics(IntakeService intake) {
        this.intake = intake;
    }

    /** An accepted topic waiting for the county's plan (CPPCC) or the township's (grassroots). */
    public Topic accepted(Places place, String title) {
        boolean county = place == Places.COUNTY;
        Topic topic = intake.registerStaffTopic(new StaffTopic(title, "测试议题内容", TopicSource.MEMBER,
                county ? PlaceLevel.COUNTY : PlaceLevel.TOWNSHIP, "政协委员", 30), place.code(), place.organiser());
        intake.screen(topic.id(), new Findings(place.code(), county ? PlaceLevel.COUNTY : PlaceLevel.TOWNSHIP, false,
                false, false, false, null), place.organiser());
        intake.recordScreeningRule(topic.id(), ScreeningOutcome.JUDGE, "由工作人员研判");
        intake.recordLevelRule(topic.id(), county ? LevelOutcome.CPPCC : LevelOutcome.GRASSROOTS);
        intake.decide(topic.id(), new Decision(IntakeDecision.ACCEPT,
                county ? ConsultationKind.CPPCC : ConsultationKind.GRASSROOTS, null), place.organiser());
        return intake.topic(topic.id());
    }

    /** The start form of {@code TopicIntake} as Tasklist submits it. */
    public static Map<String, Object> staffTopic(String source, String level, String proposer, String title) {
        java.util.HashMap<String, Object> form = new java.util.HashMap<>();
        form.put("source", source);
        form.put("sourceLevel", level);
        form.put("proposer", proposer);
        form.put("title", title);
        form.put("description", "群众反映强烈，需协商解决的问题");
        form.put("affectedCount", 120);
        return form;
    }
}
