package cn.cppcc.consult.consultation;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class OpinionRepository {

    private final JdbcClient jdbc;

    OpinionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long consultationId, Long participantId, String authorName, ConsultationForm channel,
            String content, String createdBy, OffsetDateTime now) {
        jdbc.sql("""
                        insert into opinion (consultation_id, participant_id, author_name, channel, content,
                                             created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(consultationId, participantId, authorName, channel.name(), content, createdBy, now)
                .update();
    }

    public List<Opinion> findAll(long consultationId) {
        return jdbc.sql("select * from opinion where consultation_id = ? order by created_at, id")
                .param(consultationId)
                .query(Opinion.class)
                .list();
    }

    public void insertResponse(long consultationId, String department, String content) {
        jdbc.sql("insert into department_response (consultation_id, department, content) values (?, ?, ?)")
                .params(consultationId, department, content)
                .update();
    }

    public List<DepartmentResponse> findResponses(long consultationId) {
        return jdbc.sql("select * from department_response where consultation_id = ? order by id")
                .param(consultationId)
                .query(DepartmentResponse.class)
                .list();
    }
}
