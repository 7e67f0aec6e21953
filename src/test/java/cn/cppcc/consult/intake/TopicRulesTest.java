package cn.cppcc.consult.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import cn.cppcc.consult.support.ConsultTest;

/** The deployed {@code TopicScreening.dmn} and {@code TopicLevel.dmn}, rule by rule, as administrators keep them. */
@ConsultTest
class TopicRulesTest {

    @Autowired DecisionService decisions;

    @ParameterizedTest(name = "涉诉={0} 信访={1} 个人={2} 已有规定={3} → {4}")
    @CsvSource({
            "true,  false, false, false, REJECT, 涉法涉诉不协商",
            "false, true,  false, false, REJECT, 纳入信访不协商",
            "false, false, true,  false, REJECT, 不具有代表性",
            "false, false, false, true,  REJECT, 党委政府对该事项已有明确规定",
            "true,  true,  true,  true,  REJECT, 涉法涉诉不协商",
            "false, false, false, false, JUDGE,  小切口、可操作、能见效"})
    void screeningRejectsEachExclusionWithItsReasonAndLeavesTheRestToStaff(boolean litigation, boolean petition,
            boolean individual, boolean policy, String outcome, String reason) {
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(TopicIntakeProcess.SCREENING_DECISION)
                .variables(Map.of("inLitigation", litigation, "inPetitionSystem", petition, "individualOnly", individual,
                        "settledByPolicy", policy))
                .evaluate().getSingleResult();
        assertThat((String) result.getEntry("outcome")).isEqualTo(outcome);
        assertThat((String) result.getEntry("reason")).contains(reason);
    }

    @ParameterizedTest(name = "需{0}级解决，发生在{1} → {2}")
    @CsvSource({
            "PROVINCE, COUNTY, CPPCC", "CITY, CITY, CPPCC", "COUNTY, COUNTY, CPPCC",
            "COUNTY, TOWNSHIP, EITHER", "CITY, VILLAGE, EITHER", "COUNTY, INSTITUTION, EITHER",
            "TOWNSHIP, TOWNSHIP, GRASSROOTS", "VILLAGE, VILLAGE, GRASSROOTS", "TOWNSHIP, VILLAGE, GRASSROOTS",
            "TOWNSHIP, COUNTY, CPPCC", "VILLAGE, COUNTY, CPPCC"})
    void levelFollowsTheBoundaryBetweenCppccAndGrassrootsConsultation(String resolution, String occurrence,
            String level) {
        assertThat((String) decisions.evaluateDecisionByKey(TopicIntakeProcess.LEVEL_DECISION)
                .variables(Map.of("resolutionLevel", resolution, "occurrenceLevel", occurrence))
                .evaluate().getSingleEntry()).isEqualTo(level);
    }
}
