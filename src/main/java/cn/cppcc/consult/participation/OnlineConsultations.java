package cn.cppcc.consult.participation;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.consultation.Consultation;
import cn.cppcc.consult.consultation.ConsultationProcess;
import cn.cppcc.consult.consultation.ConsultationService;
import cn.cppcc.consult.consultation.Stage;
import cn.cppcc.consult.organisation.Place;
import cn.cppcc.consult.organisation.PlaceRepository;
import cn.cppcc.consult.organisation.TaskRouting;
import cn.cppcc.consult.participation.OnlineConsultationRepository.Material;
import cn.cppcc.consult.process.EngineClock;

/**
 * Online consultations as places see them: which are open where (a township shows its villages'
 * too), which have ended and with what outcome, the background material their host publishes, and
 * who hosts them (the host and the organiser that {@code TaskRouting.dmn} names for the place).
 */
@Service
@Transactional
public class OnlineConsultations {

    static final int MATERIAL_MAX = 8000;
    /** How many ended consultations a place lists after its open ones. */
    static final int ENDED_SHOWN = 20;

    private final OnlineConsultationRepository repository;
    private final ConsultationService consultations;
    private final PlaceRepository places;
    private final RuntimeService runtimeService;
    private final TaskRouting routing;

    OnlineConsultations(OnlineConsultationRepository repository, ConsultationService consultations, PlaceRepository places,
            RuntimeService runtimeService, TaskRouting routing) {
        this.repository = repository;
        this.consultations = consultations;
        this.places = places;
        this.runtimeService = runtimeService;
        this.routing = routing;
    }

    /** The online consultation with this number, whatever its stage (its host prepares it before it opens). */
    @Transactional(readOnly = true)
    public Consultation get(String number) {
        Consultation c;
        try {
            c = consultations.getByNumber(number == null ? "" : number);
        } catch (NoSuchElementException e) {
            throw Refusal.notFound("没有找到这项网络协商");
        }
        if (window(c) == OnlineWindow.NOT_ONLINE) {
            throw Refusal.notFound("没有找到这项网络协商");
        }
        return c;
    }

    /** The online consultation with this number if the public may see it: from the moment it opens. */
    @Transactional(readOnly = true)
    public Consultation published(String number) {
        Consultation c = get(number);
        if (window(c) == OnlineWindow.NOT_STARTED) {
            throw Refusal.notFound("没有找到这项网络协商，或者它尚未开始征求意见");
        }
        return c;
    }

    @Transactional(readOnly = true)
    OnlineWindow window(Consultation c) {
        return OnlineWindow.of(c, c.processInstanceId() != null && !waitingAtClosingTimer(List.of(c.processInstanceId())).isEmpty());
    }

    /** Locks the consultation for a change by a participant and refuses unless it is open now. */
    Consultation requireOpen(long consultationId) {
        repository.lock(consultationId);
        Consultation c = consultations.get(consultationId);
        switch (window(c)) {
            case OPEN -> {
                return c;
            }
            case ENDED -> throw Refusal.conflict("网络协商已于" + OnlineWindow.time(c.closingAt()) + "截止，不再接受意见和修改");
            case NOT_STARTED -> throw Refusal.conflict("该网络协商尚未开始征求意见");
            default -> throw Refusal.notFound("没有找到这项网络协商");
        }
    }

    public record Listed(Consultation consultation, OnlineWindow window) {
    }

    /** Open consultations at the place and below, then the latest ended ones; none that has not opened. */
    @Transactional(readOnly = true)
    public List<Listed> at(String placeCode) {
        List<Consultation> found = repository.consultedAt(placeAndBelow(placeCode));
        Set<String> waiting = waitingAtClosingTimer(found.stream()
                .filter(c -> c.stage() == Stage.CONSULTING && c.processInstanceId() != null)
                .map(Consultation::processInstanceId).toList());
        List<Listed> open = new ArrayList<>();
        List<Listed> ended = new ArrayList<>();
        for (Consultation c : found) {
            OnlineWindow window = OnlineWindow.of(c, waiting.contains(c.processInstanceId()));
            if (window == OnlineWindow.OPEN) {
                open.add(new Listed(c, window));
            } else if (window == OnlineWindow.ENDED) {
                ended.add(new Listed(c, window));
            }
        }
        open.sort((a, b) -> a.consultation().closingAt().compareTo(b.consultation().closingAt()));
        open.addAll(ended.subList(0, Math.min(ended.size(), ENDED_SHOWN)));
        return open;
    }

    /** The organisation tree, for choosing a place. */
    @Transactional(readOnly = true)
    public List<Place> places() {
        return places.findAll();
    }

    private Set<String> placeAndBelow(String placeCode) {
        List<Place> all = places.findAll();
        if (all.stream().noneMatch(p -> p.code().equals(placeCode))) {
            throw Refusal.notFound("没有这个地方");
        }
        Map<String, List<String>> children = all.stream().filter(p -> p.parentCode() != null)
                .collect(Collectors.groupingBy(Place::parentCode, Collectors.mapping(Place::code, Collectors.toList())));
        Set<String> codes = new LinkedHashSet<>();
        List<String> next = new ArrayList<>(List.of(placeCode));
        while (!next.isEmpty()) {
            String code = next.remove(0);
            if (codes.add(code)) {
                next.addAll(children.getOrDefault(code, List.of()));
            }
        }
        return codes;
    }

    private Set<String> waitingAtClosingTimer(Collection<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return Set.of();
        }
        return runtimeService.createProcessInstanceQuery()
                .processInstanceIds(new LinkedHashSet<>(processInstanceIds))
                .activityIdIn(ConsultationProcess.EVENT_ONLINE_CLOSED)
                .unlimitedList() // at most one per id given
                .stream().map(ProcessInstance::getId).collect(Collectors.toSet());
    }

    // ---- the host's side

    @Transactional(readOnly = true)
    public Optional<Material> material(long consultationId) {
        return repository.material(consultationId);
    }

    /** Publishes (or replaces) the background material; possible once the plan chose an online consultation, until it ends. */
    public void publishMaterial(long consultationId, String content, String actor) {
        Consultation c = consultations.get(consultationId);
        OnlineWindow window = window(c);
        if (window == OnlineWindow.NOT_ONLINE) {
            throw Refusal.conflict("该协商不是网络协商");
        }
        if (window == OnlineWindow.ENDED) {
            throw Refusal.conflict("网络协商已截止，背景材料不能再修改");
        }
        String text = content == null ? "" : content.strip();
        if (text.isEmpty()) {
            throw Refusal.invalid("请填写背景材料");
        }
        if (text.length() > MATERIAL_MAX) {
            throw Refusal.invalid("背景材料不能超过" + MATERIAL_MAX + "字");
        }
        OffsetDateTime now = EngineClock.now();
        boolean first = repository.material(consultationId).isEmpty();
        repository.saveMaterial(consultationId, text, actor, now);
        consultations.record(consultationId, Stage.CONSULTING, first ? "发布网络协商背景材料" : "更新网络协商背景材料", actor,
                null);
    }

    /**
     * Online consultations not yet archived that the user hosts or organises (all of them for an
     * administrator). Not read-only: asking {@code TaskRouting.dmn} writes the decision's history.
     */
    public List<Consultation> hostedBy(Collection<String> groupIds, boolean admin) {
        return repository.running().stream().filter(c -> admin || hosts(groupIds, c)).toList();
    }

    /** The host (who reviews the minutes) and the organiser (who sums up the opinions) of the consultation's place. */
    public boolean hosts(Collection<String> groupIds, Consultation c) {
        return groupIds.contains(routing.groupFor(ConsultationProcess.TASK_REVIEW_MINUTES, c.placeCode()))
                || groupIds.contains(routing.groupFor(ConsultationProcess.TASK_SUMMARISE_OPINIONS, c.placeCode()));
    }
}
