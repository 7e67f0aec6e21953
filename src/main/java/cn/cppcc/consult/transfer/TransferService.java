package cn.cppcc.consult.transfer;

import java.util.List;
import java.util.NoSuchElementException;

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

    TransferService(ResultItemRepository items, Timeline timeline) {
        this.items = items;
        this.timeline = timeline;
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

    public void start(long resultItemId, Mechanism mechanism, String processInstanceId) {
        ResultItem item = item(resultItemId);
        items.insertTransfer(resultItemId, mechanism, processInstanceId, EngineClock.now());
        timeline.recordItem(item.consultationId(), resultItemId, mechanism.name(), mechanism.label() + "开始", null,
                item.content());
    }

    public void finish(long resultItemId, Mechanism mechanism, String outcome, String actor) {
        ResultItem item = item(resultItemId);
        items.finishTransfer(resultItemId, mechanism, outcome, actor, EngineClock.now());
        timeline.recordItem(item.consultationId(), resultItemId, mechanism.name(), mechanism.label() + "办结", actor,
                outcome);
    }

    @Transactional(readOnly = true)
    public List<Transfer> transfers(long resultItemId) {
        return items.findTransfers(resultItemId);
    }
}
