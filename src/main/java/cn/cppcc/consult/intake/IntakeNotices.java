package cn.cppcc.consult.intake;

import java.util.List;
import java.util.function.UnaryOperator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.citizen.CitizenRepository;
import cn.cppcc.consult.notification.MessageTemplate;
import cn.cppcc.consult.notification.NotificationService;
import cn.cppcc.consult.notification.NotificationService.Message;
import cn.cppcc.consult.notification.Placeholder;
import cn.cppcc.consult.organisation.OrganisationService;
import cn.cppcc.consult.organisation.Place;
import cn.cppcc.consult.organisation.PlaceLevel;
import cn.cppcc.consult.organisation.Role;
import cn.cppcc.consult.topic.Topic;
import cn.cppcc.consult.topic.TopicDetails;
import cn.cppcc.consult.topic.TopicHistory;
import cn.cppcc.consult.topic.TopicRepository;

/**
 * What intake tells whom: the submitter learns that the topic was accepted, planned, or not accepted
 * and why (a citizen by id through {@link NotificationService#toCitizens}, staff by account); the
 * office that plans accepted topics learns of a new candidate.
 */
@Service
@Transactional
public class IntakeNotices {

    private final TopicRepository topics;
    private final CitizenRepository citizens;
    private final NotificationService notifications;
    private final OrganisationService organisation;
    private final TopicHistory history;

    IntakeNotices(TopicRepository topics, CitizenRepository citizens, NotificationService notifications,
            OrganisationService organisation, TopicHistory history) {
        this.topics = topics;
        this.citizens = citizens;
        this.notifications = notifications;
        this.organisation = organisation;
        this.history = history;
    }

    /** 分流: the county CPPCC office or the township liaison gets a new candidate topic for its plan. */
    public void routed(long topicId) {
        Topic topic = topics.find(topicId).orElseThrow();
        TopicDetails details = topics.details(topicId);
        Place planPlace = organisation.place(details.planPlaceCode());
        Role planner = planPlace.level() == PlaceLevel.TOWNSHIP ? Role.LIAISON : Role.OFFICE;
        String group = planner.groupId(planPlace.code());
        notifications.toGroups(List.of(group), Message.of(MessageTemplate.TOPIC_ROUTED, null)
                .with(Placeholder.TOPIC, topic.title())
                .with(Placeholder.NUMBER, topic.number())
                .with(Placeholder.SOURCE, topic.source().label())
                .with(Placeholder.CONSULTATION_KIND, kindLabel(details))
                .with(Placeholder.PLACE, planPlace.name()));
        toSubmitter(topic, details, MessageTemplate.TOPIC_ACCEPTED, MessageTemplate.TOPIC_ACCEPTED_CITIZEN,
                message -> message.with(Placeholder.CONSULTATION_KIND, kindLabel(details)));
        history.record(topicId, "分流至" + planner.groupName(planPlace), null, null);
    }

    public void planned(long topicId) {
        Topic topic = topics.find(topicId).orElseThrow();
        toSubmitter(topic, topics.details(topicId), MessageTemplate.TOPIC_PLANNED, MessageTemplate.TOPIC_PLANNED_CITIZEN,
                message -> message);
    }

    public void rejected(long topicId) {
        Topic topic = topics.find(topicId).orElseThrow();
        toSubmitter(topic, topics.details(topicId), MessageTemplate.INTAKE_REJECTED,
                MessageTemplate.INTAKE_REJECTED_CITIZEN,
                message -> message.with(Placeholder.REASON, topic.rejectionReason()));
    }

    /** Citizens who raised the topic are told by its receipt number, a staff submitter by the topic's number. */
    private void toSubmitter(Topic topic, TopicDetails details, MessageTemplate toStaff, MessageTemplate toCitizen,
            UnaryOperator<Message> values) {
        List<Long> raisers = citizens.raisersOfTopic(topic.id());
        if (!raisers.isEmpty()) {
            notifications.toCitizens(raisers, values.apply(Message.of(toCitizen, null)
                    .with(Placeholder.TOPIC, topic.title())
                    .with(Placeholder.RECEIPT, details.receiptNumber())));
        } else if (topic.createdBy() != null) {
            notifications.toUsers(List.of(topic.createdBy()), values.apply(Message.of(toStaff, null)
                    .with(Placeholder.TOPIC, topic.title())
                    .with(Placeholder.NUMBER, topic.number())));
        }
    }

    private static String kindLabel(TopicDetails details) {
        return "CPPCC".equals(details.consultationKind()) ? "政协协商" : "基层协商";
    }
}
