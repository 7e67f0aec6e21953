package cn.cppcc.consult.consultation;

import static cn.cppcc.consult.consultation.ConsultationProcess.CONSULTATION_ID;

import java.util.EnumSet;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.consultation.MinutesService.ItemDraft;
import cn.cppcc.consult.process.CurrentUser;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.transfer.Mechanism;

/** 撰写协商纪要: the minutes and the result items they name, each with its transfer mechanisms. */
@Component
public class DraftMinutesListener implements TaskListener {

    private final MinutesService minutes;

    DraftMinutesListener(MinutesService minutes) {
        this.minutes = minutes;
    }

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        String content = form.text("minutes", "纪要正文", 8000);
        List<ItemDraft> items = form.rows("resultItems", "成果事项").stream()
                .map(row -> {
                    List<Mechanism> chosen = row.choices("mechanisms", "转化机制", Mechanism.class);
                    return new ItemDraft(
                            row.text("content", "事项内容", 2000),
                            chosen.isEmpty() ? EnumSet.noneOf(Mechanism.class) : EnumSet.copyOf(chosen),
                            row.optionalText("department", "责任部门", 200),
                            row.optionalDate("dueOn", "办理期限"));
                })
                .toList();
        minutes.draft(CONSULTATION_ID.get(task), content, items, CurrentUser.of(task));
        form.discard();
    }
}
