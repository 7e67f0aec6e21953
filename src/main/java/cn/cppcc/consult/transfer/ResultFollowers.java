package cn.cppcc.consult.transfer;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.citizen.CitizenRepository;
import cn.cppcc.consult.consultation.Consultation;
import cn.cppcc.consult.consultation.ConsultationService;
import cn.cppcc.consult.notification.MessageTemplate;
import cn.cppcc.consult.notification.NotificationService;
import cn.cppcc.consult.notification.NotificationService.Message;
import cn.cppcc.consult.notification.Placeholder;
import cn.cppcc.consult.organisation.OrganisationService;
import cn.cppcc.consult.organisation.Place;
import cn.cppcc.consult.organisation.PlaceLevel;
import cn.cppcc.consult.organisation.Role;
import cn.cppcc.consult.organisation.TaskRouting;
import cn.cppcc.consult.topic.Topic;
import cn.cppcc.consult.transfer.feedback.FeedbackProcess;

/**
 * The people who follow a result item reported back (反馈): the CPPCC members resident where the
 * consultation was held (住地政协委员) and every citizen who raised or is affected by its topic. They hear
 * of every change to an item whose minutes chose feedback, as comparable systems notify followers.
 */
@Service
@Transactional
public class ResultFollowers {

    private final ConsultationService consultations;
    private final CitizenRepository citizens;
    private final NotificationService notifications;
    private final OrganisationService organisation;
    private final TaskRouting routing;

    ResultFollowers(ConsultationService consultations, CitizenRepository citizens, NotificationService notifications,
            OrganisationService organisation, TaskRouting routing) {
        this.consultations = consultations;
        this.citizens = citizens;
        this.notifications = notifications;
        this.organisation = organisation;
        this.routing = routing;
    }

    /** A change of the item, told to its followers if the item is reported back at all. */
    public void changed(ResultItem item, String change) {
        if (!item.uses(Mechanism.FEEDBACK)) {
            return;
        }
        Consultation c = consultations.get(item.consultationId());
        Topic topic = consultations.topicOf(c);
        Message message = Message.of(MessageTemplate.RESULT_PROGRESS, c.id())
                .with(Placeholder.TOPIC, topic.title())
                .with(Placeholder.NUMBER, c.number())
                .with(Placeholder.ITEM, TransferTexts.shorten(item.content(), 500))
                .with(Placeholder.PROGRESS, TransferTexts.shorten(change, 2000));
        notifications.toGroups(List.of(residentMembers(c.placeCode())), message);
        notifications.toCitizens(citizensOf(c), message);
    }

    /** Everything but the feedback is finished: the studio may now report the final handling. */
    public void readyForFinalFeedback(ResultItem item) {
        Consultation c = consultations.get(item.consultationId());
        Topic topic = consultations.topicOf(c);
        notifications.toGroups(List.of(routing.groupFor(FeedbackProcess.TASK_REPORT, c.placeCode())),
                Message.of(MessageTemplate.READY_FOR_FINAL_FEEDBACK, c.id())
                        .with(Placeholder.TOPIC, topic.title())
                        .with(Placeholder.NUMBER, c.number())
                        .with(Placeholder.ITEM, TransferTexts.shorten(item.content(), 200)));
    }

    /** The group of the CPPCC members resident at the consultation's township, or its county. */
    public String residentMembers(String placeCode) {
        Place place = organisation.place(placeCode);
        while (place.level() != PlaceLevel.TOWNSHIP && place.level().ordinal() > PlaceLevel.COUNTY.ordinal()
                && place.parentCode() != null) {
            place = organisation.place(place.parentCode());
        }
        return Role.MEMBER.groupId(place.code());
    }

    public List<Long> citizensOf(Consultation consultation) {
        return citizens.citizensOfTopic(consultation.topicId());
    }
}
