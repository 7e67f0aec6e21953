package cn.cppcc.consult.consultation;

import static cn.cppcc.consult.consultation.ConsultationProcess.CONSULTATION_ID;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.consultation.ResearchService.Activity;
import cn.cppcc.consult.process.CurrentUser;
import cn.cppcc.consult.process.FormValues;

/** 开展调研: the research activities held and the report they produced. */
@Component
public class ConductResearchListener implements TaskListener {

    private final ResearchService research;

    ConductResearchListener(ResearchService research) {
        this.research = research;
    }

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        List<Activity> activities = form.rows("activities", "调研活动").stream()
                .map(row -> new Activity(
                        row.choice("kind", "方式", ResearchKind.class),
                        row.date("heldOn", "日期"),
                        row.text("summary", "情况", 2000)))
                .toList();
        String report = form.text("report", "调研报告", 8000);
        research.submit(CONSULTATION_ID.get(task), activities, report, CurrentUser.of(task));
        form.discard();
    }
}
