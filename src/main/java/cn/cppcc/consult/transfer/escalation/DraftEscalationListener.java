package cn.cppcc.consult.transfer.escalation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.process.CurrentUser;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.transfer.TransferProcess;

/** 撰写提案或社情民意信息: the kind, a title and the text (情况、问题与建议). */
@Component
public class DraftEscalationListener implements TaskListener {

    private final EscalationService escalations;

    DraftEscalationListener(EscalationService escalations) {
        this.escalations = escalations;
    }

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        EscalationKind kind = form.choice("kind", "转报形式", EscalationKind.class);
        String title = form.text("title", "标题", 200);
        String content = form.text("content", "正文", 8000);
        escalations.draft(TransferProcess.RESULT_ITEM_ID.get(task), kind, title, content, CurrentUser.of(task));
        form.discard();
    }
}
