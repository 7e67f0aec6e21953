package cn.cppcc.consult.transfer;

import java.util.EnumSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.consultation.Timeline;
import cn.cppcc.consult.process.EngineClock;

/**
 * Carrying result items through the four mechanisms. Also the bean the models ask which items each
 * mechanism carries.
 */
@Service("resultItems")
@Transactional
public class TransferService {

    private final ResultItemRepository items;
    private final Timeline timeline;
    private final ResultFollowers followers;

    TransferService(ResultItemRepository items, Timeline timeline, ResultFollowers followers) {
        this.items = items;
        this.timeline = timeline;
        this.followers = followers;
    }

    /** The items to carry by one mechanism: {@code ${resultItems.idsFor(consultationId, 'ASSIGNMENT')}}. */
    @Transactional(readOnly = true)
    public List<Long> idsFor(long consultationId, String mechanism) {
        Mechanism wanted = Mechanism.valueOf(mechanism);
        return items.findAll(consultationId).stream().filter(item -> item.uses(wanted)).map(ResultItem::id).toList();
    }

    @Transactional(readOnly = true)
    public ResultItem item(long resultItemId) {
        return items.find(resultItemId).orElseThrow(() -> new NoSuchElementException("成果事项不存在：" + resultItemId));
    }

    @Transactional(readOnly = true)
    public List<ResultItem> items(long consultationId) {
        return items.findAll(consultationId);
    }

    public void start(long resultItemId, Mechanism mechanism, String processInstanceId) {
        ResultItem item = item(resultItemId);
        items.insertTransfer(resultItemId, mechanism, processInstanceId, EngineClock.now());
        timeline.recordItem(item.consultationId(), resultItemId, mechanism.name(), mechanism.label() + "开始", null,
                TransferTexts.shorten(item.content(), 2000));
    }

    /**
     * The mechanism has carried the item to its end, with {@code outcome} in a line people read. Once
     * everything but the feedback is finished, the studio is asked for its final feedback.
     */
    public void finish(long resultItemId, Mechanism mechanism, String outcome, String actor) {
        ResultItem item = item(resultItemId);
        items.finishTransfer(resultItemId, mechanism, TransferTexts.shorten(outcome, 4000), actor, EngineClock.now());
        timeline.recordItem(item.consultationId(), resultItemId, mechanism.name(), mechanism.label() + "办结", actor,
                TransferTexts.shorten(outcome, 2000));
        if (mechanism != Mechanism.FEEDBACK && item.uses(Mechanism.FEEDBACK) && unfinishedHandling(item).isEmpty()) {
            followers.readyForFinalFeedback(item);
        }
    }

    /** An event of the item in a mechanism, on the consultation's timeline. */
    public void record(ResultItem item, Mechanism mechanism, String action, String actor, String comment) {
        timeline.recordItem(item.consultationId(), item.id(), mechanism.name(), TransferTexts.shorten(action, 32), actor,
                TransferTexts.shorten(comment, 2000));
    }

    /** The mechanisms other than feedback that the item uses and that have not finished yet. */
    @Transactional(readOnly = true)
    public Set<Mechanism> unfinishedHandling(ResultItem item) {
        Set<Mechanism> open = EnumSet.noneOf(Mechanism.class);
        for (Mechanism mechanism : item.mechanisms()) {
            if (mechanism != Mechanism.FEEDBACK && !finished(item.id(), mechanism)) {
                open.add(mechanism);
            }
        }
        return open;
    }

    @Transactional(readOnly = true)
    public boolean finished(long resultItemId, Mechanism mechanism) {
        return transfer(resultItemId, mechanism).map(t -> t.status() == TransferStatus.DONE).orElse(false);
    }

    @Transactional(readOnly = true)
    public Optional<Transfer> transfer(long resultItemId, Mechanism mechanism) {
        return items.findTransfer(resultItemId, mechanism);
    }

    @Transactional(readOnly = true)
    public List<Transfer> transfers(long resultItemId) {
        return items.findTransfers(resultItemId);
    }
}
