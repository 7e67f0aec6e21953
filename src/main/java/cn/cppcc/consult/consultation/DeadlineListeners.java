package cn.cppcc.consult.consultation;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.cppcc.consult.consultation.ConsultationNotices.Holders;
import cn.cppcc.consult.consultation.ConsultationNotices.Overdue;
import cn.cppcc.consult.process.FormValues;

/**
 * The two timeout listeners every user task of a consultation carries (their timers come from
 * {@link StageDeadlines}): {@code ${deadlineReminder}} before the stage's limit, {@code ${deadlineEscalation}}
 * after it. They only send messages; the task stays where it is, with whoever holds it.
 */
@Configuration
class DeadlineListeners {

    @Bean
    TaskListener deadlineReminder(ConsultationNotices notices) {
        return task -> notices.deadlineApproaching(overdue(task));
    }

    @Bean
    TaskListener deadlineEscalation(ConsultationNotices notices) {
        return task -> notices.deadlinePassed(overdue(task));
    }

    private static Overdue overdue(DelegateTask task) {
        return new Overdue(ConsultationProcess.CONSULTATION_ID.get(task), task.getTaskDefinitionKey(), task.getName(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant().atZone(FormValues.ZONE).toOffsetDateTime(),
                holders(task));
    }

    /** The assignee if there is one, else the users and groups the task is offered to. */
    static Holders holders(DelegateTask task) {
        if (task.getAssignee() != null) {
            return new Holders(List.of(task.getAssignee()), List.of());
        }
        List<IdentityLink> candidates = task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .toList();
        return new Holders(candidates.stream().map(IdentityLink::getUserId).filter(u -> u != null).toList(),
                candidates.stream().map(IdentityLink::getGroupId).filter(g -> g != null).toList());
    }
}
