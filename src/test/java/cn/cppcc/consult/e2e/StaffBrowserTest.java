package cn.cppcc.consult.e2e;

import static cn.cppcc.consult.consultation.ConsultationProcess.TASK_APPROVE_TOPIC;
import static cn.cppcc.consult.consultation.ConsultationProcess.TASK_CONDUCT_RESEARCH;
import static cn.cppcc.consult.consultation.ConsultationProcess.TASK_REVIEW_RESEARCH;
import static cn.cppcc.consult.support.EngineRest.formSubmission;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import cn.cppcc.consult.consultation.ConsultationForm;
import cn.cppcc.consult.demo.DemoData;
import cn.cppcc.consult.organisation.Role;
import cn.cppcc.consult.support.Browser;
import cn.cppcc.consult.support.ConsultTest;
import cn.cppcc.consult.support.EngineRest;
import cn.cppcc.consult.support.Forms;
import cn.cppcc.consult.support.Places;
import cn.cppcc.consult.support.Scenarios;
import cn.cppcc.consult.support.Scenarios.Scenario;

/**
 * Staff at work in the Camunda webapps, in a real browser, in Chinese: a township liaison in
 * Tasklist, a supervisor in Cockpit and on the statistics page, an administrator deploying a changed
 * diagram as Camunda Modeler does. One browser for the class; screenshots of every step in
 * {@code target/screenshots/e2e/}; no English may be left on any page or state visited.
 */
@ConsultTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffBrowserTest {

    private static final String TOWNSHIP_B_LIAISON = DemoData.userId(DemoData.TOWNSHIP_B, Role.LIAISON);

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;
    @Autowired Scenarios scenarios;
    @Value("${consult.demo.password}") String password;

    Browser browser;
    EngineRest rest;

    @BeforeAll
    void start() {
        browser = Browser.desktop(port);
        rest = new EngineRest(http, port);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void fresh() {
        browser.englishLeft().clear();
    }

    @Test
    void aTownshipLiaisonClaimsFillsAndCompletesTheirTaskAndTheHostGetsTheNext() {
        String run = run();
        String ours = consultationAtResearch(DemoData.TOWNSHIP_A, Places.TOWNSHIP.organiser(), "云岭镇调研" + run);
        String theirs = consultationAtResearch(DemoData.TOWNSHIP_B, TOWNSHIP_B_LIAISON, "桃源镇调研" + run);
        String ourTask = taskId(ours, TASK_CONDUCT_RESEARCH);
        String theirTask = taskId(theirs, TASK_CONDUCT_RESEARCH);

        browser.logIn("tasklist", Places.TOWNSHIP.organiser(), password);
        openFilter("本组待办");
        By ourLink = taskLink(ourTask);
        browser.visible(ourLink);
        assertThat(browser.driver().findElements(taskLink(theirTask))).as("本组待办里没有桃源镇的任务").isEmpty();
        browser.step("tasklist-1-group-tasks");

        browser.click(ourLink);
        browser.click(By.xpath("//button[@ng-click='claim()']"));
        browser.visible(By.xpath("//button[@ng-click='unclaim()']"));
        browser.visible(By.cssSelector(".fjs-container [id$='Field_Report']"));
        browser.awaitText("开展调研并提交报告", "不调研不协商");
        assertThat(browser.visible(By.cssSelector(".fjs-container [id$='Field_TopicTitle']")).getDomProperty("value"))
                .isEqualTo("云岭镇调研" + run);
        browser.step("tasklist-2-claimed-form");

        // one research activity, the report left out: the form names the missing field and cannot be submitted
        chooseFirstOption("Field_Kind");
        browser.click(By.cssSelector(".fjs-container input[id*='Field_HeldOn']"));
        browser.click(By.cssSelector(".flatpickr-calendar.open .flatpickr-day.today"));
        browser.visible(By.cssSelector(".fjs-container textarea[id*='Field_Summary']")).sendKeys("在水口村召开座谈会，听取村民意见");
        WebElement report = browser.visible(By.cssSelector(".fjs-container [id$='Field_Report']"));
        report.sendKeys("草");
        report.sendKeys(Keys.BACK_SPACE);
        browser.click(By.cssSelector(".fjs-container textarea[id*='Field_Summary']"));
        browser.visible(By.cssSelector(".fjs-form-field-error"));
        browser.awaitText("此项为必填项。");
        assertThat(completeButton().isEnabled()).as("缺少必填项时不能提交").isFalse();
        browser.step("tasklist-3-required-field");
        assertThat(taskId(ours, TASK_CONDUCT_RESEARCH)).as("表单未提交，任务仍在").isEqualTo(ourTask);

        browser.visible(By.cssSelector(".fjs-container [id$='Field_Report']")).sendKeys("调研报告：村民普遍支持，具备协商条件");
        browser.click(By.cssSelector(".fjs-container textarea[id*='Field_Summary']"));
        browser.await(d -> browser.driver().findElements(By.cssSelector(".fjs-form-field-error")).isEmpty());
        // Tasklist 7.24 keeps 提交 disabled once a field inside a dynamic list (调研活动) was edited: form-js
        // leaves an empty entry per edited list field in its errors, which Tasklist counts as errors.
        // 保存 validates the whole form afresh, after which 提交 is enabled (README, Language).
        browser.click(By.xpath("//button[@ng-click='save($event)']"));
        browser.await(d -> completeButton().isEnabled());
        complete();
        browser.await(d -> rest.getList("admin", password, "/task?processInstanceBusinessKey=" + ours
                + "&taskDefinitionKey=" + TASK_CONDUCT_RESEARCH).getBody().isEmpty());
        browser.step("tasklist-4-completed");

        // the next stage is the township host's, offered to their group, not to the liaison's
        List<Map<String, Object>> next = rest.getList(Places.TOWNSHIP.user(Role.HOST), password,
                "/task?processInstanceBusinessKey=" + ours + "&taskDefinitionKey=" + TASK_REVIEW_RESEARCH
                        + "&candidateGroup=" + Role.HOST.groupId(DemoData.TOWNSHIP_A)).getBody();
        assertThat(next).hasSize(1);
        assertThat(rest.getList(Places.TOWNSHIP.organiser(), password, "/task?processInstanceBusinessKey=" + ours
                + "&candidateUser=" + Places.TOWNSHIP.organiser()).getBody()).isEmpty();
        browser.logIn("tasklist", Places.TOWNSHIP.user(Role.HOST), password);
        openFilter("本组待办");
        browser.visible(taskLink((String) next.get(0).get("id")));
        browser.step("tasklist-5-host-next-stage");
        noEnglishLeft();
    }

    /**
     * Per-township isolation: a township's staff see no task of another township in any filter they
     * have (the authorization checks and tenants of the security work, merged from sec-access).
     */
    @Test
    void aTownshipLiaisonSeesNoTaskOfAnotherTownshipInAnyFilter() {
        String run = run();
        String ours = consultationAtResearch(DemoData.TOWNSHIP_A, Places.TOWNSHIP.organiser(), "云岭镇隔离" + run);
        String theirs = consultationAtResearch(DemoData.TOWNSHIP_B, TOWNSHIP_B_LIAISON, "桃源镇隔离" + run);

        String theirTask = taskId(theirs, TASK_CONDUCT_RESEARCH);

        String liaison = Places.TOWNSHIP.organiser();
        Set<String> ourTenants = new HashSet<>();
        rest.getList("admin", password, "/tenant?includingGroupsOfUser=true&userMember=" + liaison).getBody()
                .forEach(t -> ourTenants.add((String) t.get("id")));
        assertThat(ourTenants).contains(DemoData.TOWNSHIP_A).doesNotContain(DemoData.TOWNSHIP_B);
        // the liaison's filters, as the engine gives them to the liaison; Tasklist shows the same
        Map<String, String> filters = new LinkedHashMap<>();
        rest.getList(liaison, password, "/filter?resourceType=Task").getBody()
                .forEach(f -> filters.put((String) f.get("name"), (String) f.get("id")));
        assertThat(filters).containsKey("本组待办");

        browser.logIn("tasklist", liaison, password);
        browser.await(d -> shownFilters().containsAll(filters.keySet()));
        boolean seen = false;
        for (Map.Entry<String, String> filter : filters.entrySet()) {
            // with the rest of the suite's tasks the filter may run to many pages: ask the filter itself
            // (its saved query, extended by the consultation's number) whether it holds either task
            seen |= filterCount(liaison, filter.getValue(), ours) > 0;
            assertThat(filterCount(liaison, filter.getValue(), theirs))
                    .as("云岭镇联络组的“%s”含有桃源镇的任务", filter.getKey()).isZero();

            openFilter(filter.getKey());
            browser.await(d -> !d.findElements(By.cssSelector(".tasks-list li.task")).isEmpty()
                    || browser.text().contains("没有符合筛选条件的任务"));
            assertThat(browser.driver().findElements(taskLink(theirTask)))
                    .as("云岭镇联络组在“%s”中看到了桃源镇的任务", filter.getKey()).isEmpty();
            // every task listed on the page belongs to the liaison's own places (tenants)
            for (WebElement link : browser.driver().findElements(By.cssSelector(".tasks-list li.task h4 a"))) {
                String taskId = link.getDomAttribute("href").replaceAll(".*task=", "");
                assertThat(rest.get("admin", password, "/task/" + taskId).getBody().get("tenantId"))
                        .as("“%s”中的任务 %s", filter.getKey(), link.getText()).isIn(ourTenants);
            }
        }
        assertThat(seen).as("本镇的任务在某个筛选器中").isTrue();
        openFilter("本组待办");
        browser.step("tasklist-isolation-filters");
        noEnglishLeft();
    }

    @Test
    void aSupervisorOpensTheStalledViewAndTheStatistics() {
        String title = "督办查看" + run();
        scenarios.at(DemoData.TOWNSHIP_A, Places.TOWNSHIP.organiser(), title, false).startBefore(TASK_APPROVE_TOPIC);

        browser.logIn("cockpit", Places.COUNTY.user(Role.SUPERVISOR), password);
        browser.awaitText("流程监控");
        browser.step("cockpit-1-dashboard");
        // other consultations (of the rest of the suite, or of a real county) fill the first pages: the
        // supervisor narrows the list with the view's own filters, the place and the search by title
        By search = By.cssSelector("input[type=search][placeholder='协商编号或议题']");
        browser.openApp("/camunda/app/cockpit/default/#/consult-supervision", search);
        new Select(browser.visible(By.cssSelector("select[name=place]"))).selectByValue(DemoData.TOWNSHIP_A);
        browser.visible(search).sendKeys(title);
        browser.click(By.xpath("//form//button[@type='submit' and normalize-space(text())='查询']"));
        browser.visible(By.xpath("//table//*[contains(text(),'" + title + "')]"));
        browser.awaitText(title, "云岭镇", "党组织审定议题");
        assertThat(browser.driver().findElements(By.cssSelector("table.consult-stalled tbody tr td:nth-child(2)")))
                .as("筛选后只列出所选地点、标题相符的协商").isNotEmpty()
                .allSatisfy(cell -> assertThat(cell.getText()).contains(title));
        browser.step("cockpit-2-stalled-consultations");

        browser.open("/app/statistics.html");
        browser.visible(By.cssSelector("#figures table, #figures section, #figures div"));
        browser.awaitText("协商统计", "清溪县");
        browser.step("statistics-1");
        noEnglishLeft();
    }

    @Test
    void aChangedDiagramDeployedAsModelerDoesIsUsedByNewConsultationsOnly() throws IOException {
        String run = run();
        String running = start("部署前" + run);
        String newName = "党组织审定议题（" + run + "版）";
        String bpmn = Files.readString(Path.of("processes", "Consultation.bpmn"), StandardCharsets.UTF_8);
        String changed = bpmn.replace("name=\"党组织审定议题\"", "name=\"" + newName + "\"")
                .replace("camunda:versionTag=\"1.0\"", "camunda:versionTag=\"1.1\"");
        assertThat(changed).contains(newName, "camunda:versionTag=\"1.1\"");

        String before = definitionOf(running);
        ResponseEntity<Map<String, Object>> deployed = deployAsModeler(changed, "true");
        try {
            assertThat(deployed.getStatusCode()).as("%s", deployed.getBody()).isEqualTo(HttpStatus.OK);
            @SuppressWarnings("unchecked")
            Map<String, Object> definitions = (Map<String, Object>) deployed.getBody().get("deployedProcessDefinitions");
            assertThat(definitions).hasSize(1);
            String after = definitions.keySet().iterator().next();
            assertThat(after).isNotEqualTo(before);

            String started = start("部署后" + run);
            assertThat(definitionOf(started)).isEqualTo(after);
            assertThat(definitionOf(running)).isEqualTo(before);
            Map<String, Object> newTask = task(started, TASK_APPROVE_TOPIC);
            Map<String, Object> oldTask = task(running, TASK_APPROVE_TOPIC);
            assertThat(newTask.get("name")).isEqualTo(newName);
            assertThat(oldTask.get("name")).isEqualTo("党组织审定议题");
            // the new version's forms came with it (formRef binding "deployment")
            assertThat(rest.get(Places.TOWNSHIP.user(Role.PARTY), password, "/task/" + newTask.get("id") + "/deployed-form")
                    .getBody()).containsEntry("id", "Form_ApproveTopic");

            browser.logIn("tasklist", Places.TOWNSHIP.user(Role.PARTY), password);
            openFilter("本组待办");
            browser.visible(taskLink((String) newTask.get("id")));
            browser.visible(taskLink((String) oldTask.get("id")));
            assertThat(browser.driver().findElement(taskLink((String) newTask.get("id"))).getText()).isEqualTo(newName);
            assertThat(browser.driver().findElement(taskLink((String) oldTask.get("id"))).getText()).isEqualTo("党组织审定议题");
            browser.click(taskLink((String) newTask.get("id")));
            browser.awaitText("部署后" + run, "(v. 1.1)");
            browser.step("deploy-1-new-version-in-tasklist");
            browser.click(taskLink((String) oldTask.get("id")));
            browser.awaitText("部署前" + run, "(v. 1.0)");
            browser.step("deploy-2-running-keeps-its-version");
        } finally {
            // the rest of the suite runs on the diagram as it is in processes/
            assertThat(deployAsModeler(bpmn, "false").getStatusCode()).isEqualTo(HttpStatus.OK);
        }
        noEnglishLeft();
    }

    private void noEnglishLeft() {
        assertThat(browser.englishLeft()).as("页面上留有英文：\n%s", Browser.describe(browser.englishLeft())).isEmpty();
    }

    private static String run() {
        // digits only: a word of letters would count as English on the pages
        return String.valueOf(java.util.concurrent.ThreadLocalRandom.current().nextInt(1000, 10000));
    }

    private String consultationAtResearch(String place, String organiser, String title) {
        Scenario scenario = scenarios.at(place, organiser, title, false).approved()
                .planned(ConsultationForm.MEETING, false).withParticipants();
        scenario.startBefore(TASK_CONDUCT_RESEARCH);
        return scenario.number();
    }

    private void openFilter(String name) {
        browser.click(By.xpath("//div[contains(@class,'task-filter')]//a[normalize-space(text())='" + name + "']"));
        browser.visible(By.xpath("//div[contains(@class,'task-filter') and contains(@class,'active')]//a[normalize-space(text())='"
                + name + "']"));
    }

    private List<String> shownFilters() {
        return browser.driver().findElements(By.cssSelector(".task-filter h4 a")).stream()
                .map(a -> a.getText().replaceAll("\\s*\\d+$", "").trim()).filter(n -> !n.isEmpty()).toList();
    }

    /** How many tasks of consultation {@code number} the filter holds for {@code user}. */
    private long filterCount(String user, String filterId, String number) {
        ResponseEntity<Map<String, Object>> count = rest.post(user, password, "/filter/" + filterId + "/count",
                Map.of("processInstanceBusinessKey", number));
        assertThat(count.getStatusCode()).as("%s", count.getBody()).isEqualTo(HttpStatus.OK);
        return ((Number) count.getBody().get("count")).longValue();
    }

    private static By taskLink(String taskId) {
        return By.cssSelector(".tasks-list li.task h4 a[href$='task=" + taskId + "']");
    }

    /** Opens a form-js select and picks its first option. */
    private void chooseFirstOption(String fieldId) {
        browser.click(By.cssSelector(".fjs-container [id*='" + fieldId + "'][id$='-display']"));
        browser.click(By.cssSelector(".fjs-dropdownlist .fjs-dropdownlist-item"));
    }

    private WebElement completeButton() {
        return browser.visible(By.xpath("//button[@ng-click='complete()']"));
    }

    private void complete() {
        browser.click(By.xpath("//button[@ng-click='complete()']"));
    }

    private String taskId(String number, String taskKey) {
        return (String) task(number, taskKey).get("id");
    }

    private Map<String, Object> task(String number, String taskKey) {
        List<Map<String, Object>> tasks = rest.getList("admin", password,
                "/task?processInstanceBusinessKey=" + number + "&taskDefinitionKey=" + taskKey).getBody();
        assertThat(tasks).as("%s 的待办 %s", number, taskKey).hasSize(1);
        return tasks.get(0);
    }

    private String start(String title) {
        ResponseEntity<Map<String, Object>> started = rest.post(Places.TOWNSHIP.organiser(), password,
                "/process-definition/key/Consultation/submit-form", formSubmission(Forms.startConsultation(title)));
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        return (String) started.getBody().get("businessKey");
    }

    private String definitionOf(String number) {
        List<Map<String, Object>> instances = rest.getList("admin", password,
                "/process-instance?processDefinitionKey=Consultation&businessKey=" + number).getBody();
        assertThat(instances).hasSize(1);
        return (String) instances.get(0).get("definitionId");
    }

    /**
     * What Camunda Modeler 5 sends from its deploy dialog: {@code POST /deployment/create}, multipart,
     * HTTP Basic as an administrator, the diagram and the forms it references.
     */
    private ResponseEntity<Map<String, Object>> deployAsModeler(String bpmn, String changedOnly) throws IOException {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", "consultation");
        parts.add("deployment-source", "Camunda Modeler");
        parts.add("deploy-changed-only", changedOnly);
        parts.add("Consultation.bpmn", file("Consultation.bpmn", bpmn.getBytes(StandardCharsets.UTF_8)));
        for (String form : formsReferencedBy(bpmn)) {
            parts.add(form, file(form, Files.readAllBytes(Path.of("forms", form))));
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.setBasicAuth("admin", password);
        return http.exchange("http://localhost:" + port + "/engine-rest/deployment/create", HttpMethod.POST,
                new HttpEntity<>(parts, headers), new ParameterizedTypeReference<>() { });
    }

    private static Set<String> formsReferencedBy(String bpmn) {
        Set<String> forms = new LinkedHashSet<>();
        Matcher m = Pattern.compile("camunda:formRef=\"Form_([A-Za-z]+)\"").matcher(bpmn);
        while (m.find()) {
            forms.add(m.group(1) + ".form");
        }
        return forms;
    }

    private static HttpEntity<ByteArrayResource> file(String name, byte[] content) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        headers.setContentDispositionFormData(name, name);
        return new HttpEntity<>(new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        }, headers);
    }
}
