package cn.cppcc.consult.transfer;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.organisation.OrganisationService;
import cn.cppcc.consult.organisation.Place;

/**
 * The time limits of the mechanisms, from {@code TransferDeadlines.dmn} (latest version, so that an
 * administrator's change applies at once): how long before a deadline departments are reminded, how
 * often overdue work is escalated, when an unanswered escalation is chased, how long citizens may rate.
 */
@Component
public class TransferDeadlines {

    public static final String DECISION_KEY = "TransferDeadlines";

    public enum Limit {
        ASSIGNMENT_REMINDER, ASSIGNMENT_ESCALATION, ESCALATION_ANSWER, RATING_WINDOW
    }

    private final DecisionService decisionService;
    private final OrganisationService organisation;

    TransferDeadlines(DecisionService decisionService, OrganisationService organisation) {
        this.decisionService = decisionService;
        this.organisation = organisation;
    }

    public Duration of(Limit limit, String placeCode) {
        Place place = organisation.place(placeCode);
        DmnDecisionResultEntries rule = decisionService.evaluateDecisionByKey(DECISION_KEY)
                .variables(Map.of("deadline", limit.name(), "placeLevel", place.level().name()))
                .evaluate()
                .getSingleResult();
        if (rule == null || rule.getEntry("period") == null) {
            throw new ProcessEngineException("TransferDeadlines.dmn 没有为“" + limit + "”在" + place.level().label()
                    + "级配置时限");
        }
        String period = rule.getEntry("period");
        try {
            Duration duration = Duration.parse(period);
            if (duration.isNegative() || duration.isZero()) {
                throw new ProcessEngineException("TransferDeadlines.dmn 中“" + limit + "”的时限须大于零：" + period);
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw new ProcessEngineException("TransferDeadlines.dmn 中“" + limit + "”的时限“" + period
                    + "”不是有效的 ISO-8601 时长（如 P3D、PT12H）", e);
        }
    }
}
