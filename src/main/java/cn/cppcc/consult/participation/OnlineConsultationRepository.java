package cn.cppcc.consult.participation;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.cppcc.consult.consultation.Consultation;
import cn.cppcc.consult.consultation.ConsultationForm;

/** Online consultations as the public pages find them, and the material their hosts publish. */
@Repository
class OnlineConsultationRepository {

    record Material(Long consultationId, String content, String publishedBy, OffsetDateTime publishedAt) {
    }

    private final JdbcClient jdbc;

    OnlineConsultationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Holds the consultation's row until the transaction ends, so that the limits on opinions are
     * checked and kept by one request at a time on any node.
     */
    void lock(long consultationId) {
        jdbc.sql("select id from consultation where id = ? for update").param(consultationId).query(Long.class).single();
    }

    /** Online consultations at these places that have reached the consultation itself or gone beyond, latest closing first. */
    List<Consultation> consultedAt(Collection<String> placeCodes) {
        if (placeCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select * from consultation
                        where form = :form and place_code in (:places) and stage in ('CONSULTING', 'MINUTES', 'TRANSFER', 'CLOSED')
                        order by closing_at desc, id desc""")
                .param("form", ConsultationForm.ONLINE.name())
                .param("places", placeCodes)
                .query(Consultation.class)
                .list();
    }

    /** Online consultations not yet archived: what hosts work on. */
    List<Consultation> running() {
        return jdbc.sql("select * from consultation where form = ? and closed_at is null order by closing_at, id")
                .param(ConsultationForm.ONLINE.name())
                .query(Consultation.class)
                .list();
    }

    Optional<Material> material(long consultationId) {
        return jdbc.sql("select * from online_material where consultation_id = ?").param(consultationId)
                .query(Material.class).optional();
    }

    void saveMaterial(long consultationId, String content, String publishedBy, OffsetDateTime now) {
        if (jdbc.sql("update online_material set content = ?, published_by = ?, published_at = ? where consultation_id = ?")
                .params(content, publishedBy, now, consultationId).update() == 0) {
            jdbc.sql("insert into online_material (consultation_id, content, published_by, published_at) values (?, ?, ?, ?)")
                    .params(consultationId, content, publishedBy, now)
                    .update();
        }
    }
}
