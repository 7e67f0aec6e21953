package cn.cppcc.consult.transfer;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ResultItemRepository {

    private final JdbcClient jdbc;

    ResultItemRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ResultItem> findAll(long consultationId) {
        return jdbc.sql("select * from result_item where consultation_id = ? order by seq")
                .param(consultationId)
                .query(ResultItem.class)
                .list();
    }

    public Optional<ResultItem> find(long id) {
        return jdbc.sql("select * from result_item where id = ?").param(id).query(ResultItem.class).optional();
    }

    /** Replaces the items of a draft: returned minutes are drafted again as a whole. */
    public void replaceAll(long consultationId, Collection<ResultItem> items) {
        jdbc.sql("delete from result_item where consultation_id = ?").param(consultationId).update();
        for (ResultItem item : items) {
            jdbc.sql("""
                            insert into result_item (consultation_id, seq, content, department, due_on,
                                                     assignment, escalation, inquiry, feedback)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(consultationId, item.seq(), item.content(), item.department(), item.dueOn(),
                            item.assignment(), item.escalation(), item.inquiry(), item.feedback())
                    .update();
        }
    }

    public Optional<Transfer> findTransfer(long resultItemId, Mechanism mechanism) {
        return jdbc.sql("select * from transfer where result_item_id = ? and mechanism = ?")
                .params(resultItemId, mechanism.name())
                .query(Transfer.class)
                .optional();
    }

    public List<Transfer> findTransfers(long resultItemId) {
        return jdbc.sql("select * from transfer where result_item_id = ? order by id")
                .param(resultItemId)
                .query(Transfer.class)
                .list();
    }

    public void insertTransfer(long resultItemId, Mechanism mechanism, String processInstanceId, OffsetDateTime now) {
        jdbc.sql("""
                        insert into transfer (result_item_id, mechanism, status, process_instance_id, started_at)
                        values (?, ?, ?, ?, ?)""")
                .params(resultItemId, mechanism.name(), TransferStatus.IN_PROGRESS.name(), processInstanceId, now)
                .update();
    }

    public void finishTransfer(long resultItemId, Mechanism mechanism, String outcome, String handledBy,
            OffsetDateTime now) {
        jdbc.sql("""
                        update transfer set status = ?, outcome = ?, handled_by = ?, finished_at = ?
                        where result_item_id = ? and mechanism = ?""")
                .params(TransferStatus.DONE.name(), outcome, handledBy, now, resultItemId, mechanism.name())
                .update();
    }
}
