package cn.cppcc.consult.intake;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.citizen.CitizenRepository;
import cn.cppcc.consult.notification.NotificationKind;
import cn.cppcc.consult.notification.NotificationService;
import cn.cppcc.consult.notification.NotificationService.Message;
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
        notifications.toGroups(List.of(group), new Message(NotificationKind.TOPIC_ROUTED,
                "【备选议题】" + topic.title(),
                "议题“" + topic.title() + "”（" + topic.number() + "，" + topic.source().label() + "）已受理，列为"
                        + kindLabel(details) + "备选议题，待编制" + planPlace.name() + "年度协商计划时遴选。",
                null));
        toSubmitter(topic, NotificationKind.TOPIC_ACCEPTED, "议题已受理：" + topic.title(),
                "您提出的议题“" + topic.title() + "”" + receipt(details) + "已受理，列为" + kindLabel(details)
                        + "备选议题，将在编制年度协商计划时统筹安排。");
        history.record(topicId, "分流至" + planner.groupName(planPlace), null, null);
    }

    public void planned(long topicId) {
        Topic topic = topics.find(topicId).orElseThrow();
        toSubmitter(topic, NotificationKind.TOPIC_PLANNED, "议题列入协商计划：" + topic.title(),
                "您提出的议题“" + topic.title() + "”" + receipt(topics.details(topicId))
                        + "已经同级党组织审定，列入协商计划，将按计划组织协商。");
    }

    public void rejected(long topicId) {
        Topic topic = topics.find(topicId).orElseThrow();
        toSubmitter(topic, NotificationKind.TOPIC_REJECTED, "议题不予受理：" + topic.title(),
                "您提出的议题“" + topic.title() + "”" + receipt(topics.details(topicId)) + "经研判不予受理。\n理由："
                        + topic.rejectionReason());
    }

    private void toSubmitter(Topic topic, NotificationKind kind, String subject, String body) {
        Message message = new Message(kind, subject, body, null);
        List<Long> raisers = citizens.raisersOfTopic(topic.id());
        if (!raisers.isEmpty()) {
            notifications.toCitizens(raisers, message);
        } else if (topic.createdBy() != null) {
            notifications.toUsers(List.of(topic.createdBy()), message);
        }
    }

    private static String receipt(TopicDetails details) {
        return details.receiptNumber() == null ? "" : "（回执号 " + details.receiptNumber() + "）";
    }

    private static String kindLabel(TopicDetails details) {
        return "CPPCC".equals(details.consultationKind()) ? "政协协商" : "基层协商";
    }
}
