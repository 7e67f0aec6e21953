package cn.cppcc.benchmark;

import static cn.cppcc.consult.consultation.ConsultationProcess.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;

import cn.cppcc.consult.consultation.ConsultationService;
import cn.cppcc.consult.demo.TasklistDriver;
import cn.cppcc.consult.organisation.Role;
import cn.cppcc.consult.support.Forms;
import cn.cppcc.consult.support.Places;

/**
 * Full lifecycles worked as people work them in Tasklist ({@link TasklistDriver}: claim, then submit
 * the task's form as its user): a consultation from its start form through topic approval, plan,
 * participants, research, meeting and minutes to filing (no result items, so it closes once filed),
 * and the bare process with the same number of user tasks. Each lifecycle runs on one driver thread;
 * every claim-and-submit is timed.
 */
final class Lifecycles {

    /** The user tasks of the consultation's main line, as worked below. */
    static final int USER_TASKS = 10;

    private static final Places TOWNSHIP = Places.TOWNSHIP;
    private static final AtomicInteger SERIAL = new AtomicInteger();

    record Result(String name, int lifecycles, double seconds, Latencies completions) {

        double lifecyclesPerSecond() {
            return lifecycles / seconds;
        }

        double completionsPerSecond() {
            return completions.count() / seconds;
        }

        Result plus(Result round) {
            return new Result(name, lifecycles + round.lifecycles, seconds + round.seconds, completions);
        }

        String line() {
            return String.format("%-13s %5d lifecycles in %6.1f s: %6.2f lifecycles/s, %6.1f completions/s, "
                    + "completion p50 %.1f ms, p95 %.1f ms", name, lifecycles, seconds, lifecyclesPerSecond(),
                    completionsPerSecond(), completions.percentile(50), completions.percentile(95));
        }
    }

    private final TasklistDriver tasklist;
    private final TaskService taskService;
    private final ConsultationService consultations;

    Lifecycles(ApplicationContext app) {
        this.tasklist = app.getBean(TasklistDriver.class);
        this.taskService = app.getBean(TaskService.class);
        this.consultations = app.getBean(ConsultationService.class);
    }

    /**
     * Consultations and bare processes in alternating rounds, so that whatever else loads the machine
     * weighs on both alike; each kind's time is the sum of its rounds.
     */
    Result[] compare(int count, int threads, int rounds) {
        Result consultation = new Result("consultation", 0, 0, new Latencies());
        Result bare = new Result("bare process", 0, 0, new Latencies());
        for (int round = 0; round < rounds; round++) {
            int n = count / rounds + (round < count % rounds ? 1 : 0);
            consultation = consultation.plus(run(n, threads, consultation.completions(), this::consultation));
            bare = bare.plus(run(n, threads, bare.completions(), this::bare));
        }
        return new Result[] {consultation, bare};
    }

    private void consultation(Latencies latencies) {
        String organiser = TOWNSHIP.organiser();
        String number = tasklist.start(organiser, KEY, Forms.startConsultation("基准测试议题" + SERIAL.incrementAndGet()))
                .getBusinessKey();
        step(latencies, number, TASK_APPROVE_TOPIC, TOWNSHIP.user(Role.PARTY), Forms.topicDecision("APPROVE", null));
        step(latencies, number, TASK_DRAFT_PLAN, organiser, Forms.plan("MEETING", false));
        step(latencies, number, TASK_DRAFT_PARTICIPANTS, organiser, Forms.participants(TOWNSHIP.countyUser(Role.MEMBER)));
        step(latencies, number, TASK_APPROVE_PARTICIPANTS, TOWNSHIP.user(Role.PARTY),
                Forms.answer("participantsApproved", true, null));
        step(latencies, number, TASK_CONDUCT_RESEARCH, organiser, Forms.research());
        step(latencies, number, TASK_REVIEW_RESEARCH, TOWNSHIP.user(Role.HOST), Forms.answer("researchAccepted", true, null));
        List<String> participants = consultations.participantIds(consultations.getByNumber(number).id()).stream()
                .map(String::valueOf).toList();
        step(latencies, number, TASK_HOLD_MEETING, organiser, Forms.meeting(participants));
        step(latencies, number, TASK_DRAFT_MINUTES, organiser, Map.of("minutes", "协商纪要正文",
                "resultItems", TasklistDriver.json(List.of())));
        step(latencies, number, TASK_REVIEW_MINUTES, TOWNSHIP.user(Role.HOST), Forms.answer("minutesApproved", true, null));
        step(latencies, number, TASK_FILE_MINUTES, TOWNSHIP.countyUser(Role.LIAISON_COMMITTEE),
                Map.of("filingNumber", "基准备〔2026〕" + number));
        if (taskService.createTaskQuery().processInstanceBusinessKey(number).count() > 0) {
            throw new IllegalStateException("协商 " + number + " 未结项");
        }
    }

    private void step(Latencies latencies, String number, String taskKey, String user, Map<String, Object> form) {
        Task task = tasklist.task(number, taskKey);
        long start = System.nanoTime();
        tasklist.submit(task, user, form);
        latencies.record(start);
    }

    private void bare(Latencies latencies) {
        String organiser = TOWNSHIP.organiser();
        String instance = tasklist.start(organiser, BareProcess.KEY,
                Map.of(BareProcess.GROUP, Role.LIAISON.groupId(TOWNSHIP.code()))).getId();
        for (int i = 0; i < USER_TASKS; i++) {
            Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
            long start = System.nanoTime();
            tasklist.submit(task, organiser, Map.of("comment", "同意"));
            latencies.record(start);
        }
        if (taskService.createTaskQuery().processInstanceId(instance).count() > 0) {
            throw new IllegalStateException("空流程 " + instance + " 未结束");
        }
    }

    private Result run(int count, int threads, Latencies latencies, java.util.function.Consumer<Latencies> lifecycle) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                runs.add(pool.submit(() -> lifecycle.accept(latencies)));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("运行失败", e);
        } finally {
            pool.shutdown();
        }
        return new Result(null, count, (System.nanoTime() - start) / 1e9, latencies);
    }
}
