package cn.cppcc.consult.transfer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What every task of a mechanism shows (the item's timeline and where each of its mechanisms stands),
 * and what the mechanism's own views add. Called by {@code TaskViews} for tasks that carry an item.
 */
@Component
@Transactional(readOnly = true)
public class TransferTaskViews {

    private final ResultTimeline timeline;
    private final TransferOverview overview;
    private final List<ItemTaskViews> mechanismViews;

    TransferTaskViews(ResultTimeline timeline, TransferOverview overview, List<ItemTaskViews> mechanismViews) {
        this.timeline = timeline;
        this.overview = overview;
        this.mechanismViews = mechanismViews;
    }

    public Map<String, Object> of(DelegateTask task, ResultItem item) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("itemTimeline", timeline.text(item.consultationId(), item.id()));
        view.put("handlingSummary", overview.text(item));
        mechanismViews.forEach(v -> view.putAll(v.of(task, item)));
        return view;
    }
}
