package cn.cppcc.consult.assessment;

import static cn.cppcc.consult.assessment.AssessmentProcess.ASSESSMENT_ID;
import static cn.cppcc.consult.assessment.AssessmentProcess.INITIATOR;
import static cn.cppcc.consult.assessment.AssessmentProcess.PLACE_CODE;
import static cn.cppcc.consult.assessment.AssessmentProcess.TOWNSHIP_CODE;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.cppcc.consult.organisation.PlaceRepository;
import cn.cppcc.consult.process.CurrentUser;
import cn.cppcc.consult.process.FormValues;

/** The steps of {@code TownshipAssessment.bpmn}: each reads the form or variables, calls the service, keeps ids. */
@Configuration
class AssessmentSteps {

    /** 计算客观指标: the start form's year; the county is the initiator's. */
    @Bean
    JavaDelegate computeAssessmentDelegate(AssessmentService assessments) {
        return execution -> {
            FormValues form = FormValues.of(execution);
            String initiator = INITIATOR.find(execution)
                    .orElseThrow(() -> FormValues.invalid("initiator", "请登录后发起考核"));
            Assessment assessment = assessments.start(initiator, year(form.text("year", "考核年度", 10)));
            assessments.attachProcess(assessment.id(), execution.getProcessInstanceId());
            execution.setProcessBusinessKey(assessment.placeCode() + "-" + assessment.assessedYear());
            ASSESSMENT_ID.set(execution, assessment.id());
            PLACE_CODE.set(execution, assessment.placeCode());
            form.discard();
        };
    }

    /** 乡镇考核评分, on creation: the township, the year and what the platform computed. */
    @Bean
    TaskListener assessmentTaskView(AssessmentService assessments, PlaceRepository places) {
        return task -> {
            long id = ASSESSMENT_ID.get(task);
            String township = TOWNSHIP_CODE.get(task);
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("townshipName", places.find(township).orElseThrow().name());
            view.put("assessmentYear", String.valueOf(assessments.get(id).assessedYear()));
            view.put("computedSummary", assessments.scoresOf(id, township).stream()
                    .filter(s -> s.dimension().computed())
                    .map(s -> s.dimension().label() + "：" + s.points() + "分（满分" + s.dimension().maxPoints() + "）\n  "
                            + s.basis())
                    .collect(Collectors.joining("\n")));
            task.setVariablesLocal(view);
        };
    }

    /** 乡镇考核评分, on completion: the two dimensions the assessor scores. */
    @Bean
    TaskListener scoreTownshipListener(AssessmentService assessments) {
        return task -> {
            FormValues form = FormValues.of(task);
            assessments.score(ASSESSMENT_ID.get(task), TOWNSHIP_CODE.get(task),
                    points(form, "leadership", "组织领导"), form.optionalText("leadershipBasis", "组织领导评分依据", 2000),
                    points(form, "innovation", "创新亮点特色"), form.optionalText("innovationBasis", "创新亮点特色评分依据", 2000),
                    CurrentUser.of(task));
            form.discard();
        };
    }

    /** 生成全县排名 */
    @Bean
    JavaDelegate publishAssessmentDelegate(AssessmentService assessments) {
        return execution -> assessments.publish(ASSESSMENT_ID.get(execution));
    }

    private static int year(String text) {
        try {
            return new BigDecimal(text).intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw FormValues.invalid("year", "考核年度“" + text + "”无效");
        }
    }

    private static BigDecimal points(FormValues form, String key, String label) {
        String text = form.optionalText(key, label, 20);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw FormValues.invalid(key, label + "的得分“" + text + "”不是数字");
        }
    }
}
