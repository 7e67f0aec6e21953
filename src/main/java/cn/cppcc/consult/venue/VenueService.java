package cn.cppcc.consult.venue;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.organisation.PlaceRepository;
import cn.cppcc.consult.process.EngineClock;

/** Consultation venues and the yearly "six haves" assessment of each. */
@Service
@Transactional
public class VenueService {

    private final JdbcClient jdbc;
    private final PlaceRepository places;

    VenueService(JdbcClient jdbc, PlaceRepository places) {
        this.jdbc = jdbc;
        this.places = places;
    }

    public record VenueInput(String placeCode, String name, String kind, String address) {
    }

    /** A venue with its assessment of the year asked for (null if not yet assessed). */
    public record VenueWithAssessment(Venue venue, VenueAssessment assessment) {
    }

    @Transactional(readOnly = true)
    public Venue get(long id) {
        return jdbc.sql("select * from venue where id = ?").param(id).query(Venue.class).optional()
                .orElseThrow(() -> new NoSuchElementException("协商平台不存在：" + id));
    }

    @Transactional(readOnly = true)
    public List<VenueWithAssessment> at(Collection<String> placeCodes, int year) {
        if (placeCodes.isEmpty()) {
            return List.of();
        }
        List<Venue> venues = jdbc.sql("select * from venue where place_code in (:places) order by place_code, id")
                .param("places", placeCodes).query(Venue.class).list();
        Map<Long, VenueAssessment> assessments = venues.isEmpty() ? Map.of()
                : jdbc.sql("select * from venue_assessment where venue_id in (:ids) and assessed_year = :year")
                        .param("ids", venues.stream().map(Venue::id).toList())
                        .param("year", year)
                        .query(VenueAssessment.class).list().stream()
                        .collect(Collectors.toMap(VenueAssessment::venueId, Function.identity()));
        return venues.stream().map(v -> new VenueWithAssessment(v, assessments.get(v.id()))).toList();
    }

    public Venue add(VenueInput input) {
        Venue venue = checked(input);
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into venue (place_code, name, kind, address, created_at) values (?, ?, ?, ?, ?)")
                .params(venue.placeCode(), venue.name(), venue.kind().name(), venue.address(), EngineClock.now())
                .update(keys, "id");
        return get(keys.getKeyAs(Number.class).longValue());
    }

    public Venue update(long id, VenueInput input) {
        get(id);
        Venue venue = checked(input);
        jdbc.sql("update venue set place_code = ?, name = ?, kind = ?, address = ? where id = ?")
                .params(venue.placeCode(), venue.name(), venue.kind().name(), venue.address(), id)
                .update();
        return get(id);
    }

    /** Records (or corrects) the assessor's finding for the year. */
    public VenueAssessment assess(long venueId, int year, SixHaves found, String comment, String assessor) {
        get(venueId);
        int thisYear = EngineClock.now().getYear();
        if (year < 2000 || year > thisYear) {
            throw new IllegalArgumentException("考核年度须在2000年至" + thisYear + "年之间");
        }
        if (comment != null && comment.strip().codePointCount(0, comment.strip().length()) > 1000) {
            throw new IllegalArgumentException("评价意见不能超过1000个字");
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        OffsetDateTime now = EngineClock.now();
        int updated = jdbc.sql("""
                        update venue_assessment set has_site = ?, has_sign = ?, has_rules = ?, has_procedure = ?,
                               has_activities = ?, has_results = ?, comment = ?, assessed_by = ?, assessed_at = ?
                        where venue_id = ? and assessed_year = ?""")
                .params(found.site(), found.sign(), found.rules(), found.procedure(), found.activities(), found.results(),
                        text, assessor, now, venueId, year)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into venue_assessment (venue_id, assessed_year, has_site, has_sign, has_rules,
                                   has_procedure, has_activities, has_results, comment, assessed_by, assessed_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(venueId, year, found.site(), found.sign(), found.rules(), found.procedure(),
                            found.activities(), found.results(), text, assessor, now)
                    .update();
        }
        return assessment(venueId, year).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<VenueAssessment> assessment(long venueId, int year) {
        return jdbc.sql("select * from venue_assessment where venue_id = ? and assessed_year = ?")
                .params(venueId, year).query(VenueAssessment.class).optional();
    }

    private Venue checked(VenueInput input) {
        if (input.placeCode() == null || places.find(input.placeCode()).isEmpty()) {
            throw new IllegalArgumentException("请选择所在地点");
        }
        if (input.name() == null || input.name().isBlank()) {
            throw new IllegalArgumentException("请填写平台名称");
        }
        if (input.name().strip().length() > 100) {
            throw new IllegalArgumentException("平台名称不能超过100个字");
        }
        if (input.address() != null && input.address().strip().length() > 200) {
            throw new IllegalArgumentException("地址不能超过200个字");
        }
        VenueKind kind;
        try {
            kind = VenueKind.valueOf(input.kind() == null ? "" : input.kind().strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("请选择平台类型");
        }
        return new Venue(null, input.placeCode(), input.name().strip(), kind,
                input.address() == null || input.address().isBlank() ? null : input.address().strip(), null);
    }
}
