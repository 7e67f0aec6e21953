package cn.cppcc.consult.plan;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.process.CurrentUser;
import cn.cppcc.consult.process.FormValues;
import cn.cppcc.consult.process.TaskComment;

/** 主席会议审核: pass the plan on to the party committee, or return it to the committee. */
@Component
public class ReviewTemporaryTopicListener implements TaskListener {

    private final TemporaryTopicService temporaryTopics;

    ReviewTemporaryTopicListener(TemporaryTopicService temporaryTopics) {
        this.temporaryTopics = temporaryTopics;
    }

    @Override
    public void notify(DelegateTask task) {
        FormValues form = FormValues.of(task);
        boolean approved = form.answer(TemporaryTopicProcess.CHAIRS_APPROVED.name(), "审核意见");
        String comment = form.optionalText("comment", "意见", 1000);
        temporaryTopics.review(TemporaryTopicProcess.TEMPORARY_TOPIC_ID.get(task), approved, comment, CurrentUser.of(task));
        TaskComment.add(task, approved ? null : "退回修改：" + comment);
        form.discard();
        TemporaryTopicProcess.CHAIRS_APPROVED.set(task, approved);
    }
}
