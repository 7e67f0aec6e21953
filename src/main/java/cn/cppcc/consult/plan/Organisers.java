package cn.cppcc.consult.plan;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.cppcc.consult.organisation.OrganisationService;
import cn.cppcc.consult.organisation.PlaceLevel;
import cn.cppcc.consult.organisation.TaskRouting;
import cn.cppcc.consult.process.FormValues;

/** The one place where a user does a given task: plans, temporary topics and emergencies are started there. */
@Component
public class Organisers {

    private final OrganisationService organisation;
    private final TaskRouting routing;

    Organisers(OrganisationService organisation, TaskRouting routing) {
        this.organisation = organisation;
        this.routing = routing;
    }

    /**
     * The place (of one of {@code levels}) where {@code userId} is in the group that works on
     * {@code taskKey}; refused with {@code refusal} if there is none, or asked to choose if several.
     */
    public String placeOf(String userId, String taskKey, List<PlaceLevel> levels, String refusal) {
        return placeOf(userId, List.of(taskKey), levels, refusal);
    }

    /** As above, for a user in the group of any of {@code taskKeys}. */
    public String placeOf(String userId, List<String> taskKeys, List<PlaceLevel> levels, String refusal) {
        if (userId == null) {
            throw FormValues.invalid("initiator", "请登录后办理");
        }
        List<String> places = organisation.rolesOf(userId).stream()
                .map(placeRole -> placeRole.place())
                .filter(place -> levels.contains(place.level()))
                .map(place -> place.code())
                .distinct()
                .filter(place -> taskKeys.stream().anyMatch(
                        taskKey -> organisation.isMember(userId, routing.groupFor(taskKey, place))))
                .toList();
        if (places.isEmpty()) {
            throw FormValues.invalid("initiator", refusal);
        }
        if (places.size() > 1) {
            throw FormValues.invalid("initiator", "您在多个地点负责此项工作，请使用所在地点的账号办理");
        }
        return places.get(0);
    }
}
