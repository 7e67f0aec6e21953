package cn.cppcc.consult.participation;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.consultation.MinutesService;
import cn.cppcc.consult.transfer.Mechanism;
import cn.cppcc.consult.transfer.ResultItem;
import cn.cppcc.consult.transfer.Transfer;
import cn.cppcc.consult.transfer.TransferService;
import cn.cppcc.consult.transfer.TransferStatus;

/**
 * The result items of the minutes and each mechanism's status, from the transfer records. Only
 * feedback (反馈) says what was done, being the text already sent to the citizens concerned; what
 * departments reported on an assignment or an escalation stays with staff.
 */
@Component
@Transactional(readOnly = true)
class TransferPublicResults implements PublicResults {

    private final MinutesService minutes;
    private final TransferService transfers;

    TransferPublicResults(MinutesService minutes, TransferService transfers) {
        this.minutes = minutes;
        this.transfers = transfers;
    }

    @Override
    public List<Item> of(long consultationId) {
        return minutes.resultItems(consultationId).stream().map(this::item).toList();
    }

    private Item item(ResultItem item) {
        List<Transfer> started = transfers.transfers(item.id());
        List<State> states = item.mechanisms().stream().map(mechanism -> {
            Optional<Transfer> transfer = started.stream().filter(t -> t.mechanism() == mechanism).findFirst();
            String status = transfer.map(t -> t.status().label()).orElse("未开始");
            String detail = mechanism == Mechanism.FEEDBACK
                    ? transfer.filter(t -> t.status() == TransferStatus.DONE).map(Transfer::outcome).orElse(null)
                    : null;
            return new State(mechanism.label(), status, detail);
        }).toList();
        return new Item(item.seq(), item.content(), states);
    }
}
