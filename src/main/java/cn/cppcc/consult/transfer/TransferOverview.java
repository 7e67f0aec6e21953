package cn.cppcc.consult.transfer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Every mechanism's state of an item, side by side: what forms and pages show about an item's handling. */
@Component
@Transactional(readOnly = true)
public class TransferOverview {

    private final TransferService transfers;
    private final Map<Mechanism, MechanismProgress> progress = new EnumMap<>(Mechanism.class);

    TransferOverview(TransferService transfers, List<MechanismProgress> mechanisms) {
        this.transfers = transfers;
        mechanisms.forEach(m -> progress.put(m.mechanism(), m));
    }

    /** One mechanism carrying the item: its status, what it reached, and whether it is overdue. */
    public record State(Mechanism mechanism, TransferStatus status, String detail, boolean overdue) {

        public String line() {
            String status = this.status == null ? "未开始" : this.status.label();
            return mechanism.label() + "：" + status + (detail == null || detail.isEmpty() ? "" : "，" + detail)
                    + (overdue ? "（已逾期）" : "");
        }
    }

    public List<State> states(ResultItem item) {
        List<State> states = new ArrayList<>();
        for (Mechanism mechanism : item.mechanisms()) {
            Optional<Transfer> transfer = transfers.transfer(item.id(), mechanism);
            MechanismProgress p = progress.get(mechanism);
            states.add(new State(mechanism, transfer.map(Transfer::status).orElse(null),
                    p == null ? "" : p.stateOf(item), p != null && p.overdue(item)));
        }
        return states;
    }

    public String text(ResultItem item) {
        return states(item).stream().map(State::line).collect(Collectors.joining("\n"));
    }
}
