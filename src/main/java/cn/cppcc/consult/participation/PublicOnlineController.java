package cn.cppcc.consult.participation;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.cppcc.consult.consultation.Consultation;
import cn.cppcc.consult.consultation.ConsultationService;
import cn.cppcc.consult.consultation.Stage;
import cn.cppcc.consult.organisation.OrganisationService;
import cn.cppcc.consult.results.ResultsQuery;
import cn.cppcc.consult.participation.OnlineConsultations.Listed;
import cn.cppcc.consult.participation.OnlineOpinions.ForPublic;
import cn.cppcc.consult.participation.Registrations.Registered;
import cn.cppcc.consult.topic.Topic;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The public online consultation page ({@code /public/online.html}): places, open and ended online
 * consultations, registration with a one-time code, opinions and support. No staff login and no
 * CSRF token: a registered person is signed in by an HttpOnly, SameSite=Strict cookie scoped to
 * these APIs, which other sites cannot make a browser send, and changes take JSON only.
 * Nothing here shows a name unmasked or a mobile number.
 */
@RestController
public class PublicOnlineController {

    static final String BASE = "/api/public/online";
    static final String COOKIE = "consult_online";

    private final OnlineConsultations online;
    private final OnlineOpinions opinions;
    private final Registrations registrations;
    private final VerificationCodes codes;
    private final Invitations invitations;
    private final ConsultationService consultations;
    private final OrganisationService organisation;
    private final ResultsQuery results;
    private final OnlineProperties properties;

    PublicOnlineController(OnlineConsultations online, OnlineOpinions opinions, Registrations registrations,
            VerificationCodes codes, Invitations invitations, ConsultationService consultations,
            OrganisationService organisation, ResultsQuery results, OnlineProperties properties) {
        this.online = online;
        this.opinions = opinions;
        this.registrations = registrations;
        this.codes = codes;
        this.invitations = invitations;
        this.consultations = consultations;
        this.organisation = organisation;
        this.results = results;
        this.properties = properties;
    }

    public record PlaceView(String code, String name, String level, String parentCode) {
    }

    @GetMapping(BASE + "/places")
    public List<PlaceView> places() {
        return online.places().stream()
                .map(p -> new PlaceView(p.code(), p.name(), p.level().name(), p.parentCode()))
                .toList();
    }

    public record Card(String number, String title, String placeName, OffsetDateTime closingAt, String status,
            String statusLabel, long opinions) {
    }

    @GetMapping(BASE + "/consultations")
    public List<Card> list(@RequestParam String place) {
        List<Listed> listed = online.at(place);
        Map<Long, Long> counts = opinions.visibleCounts(listed.stream().map(l -> l.consultation().id()).toList());
        return listed.stream().map(l -> {
            Consultation c = l.consultation();
            Status status = Status.of(c, l.window());
            return new Card(c.number(), consultations.topicOf(c).title(), organisation.place(c.placeCode()).name(),
                    c.closingAt(), status.name(), status.label, counts.getOrDefault(c.id(), 0L));
        }).toList();
    }

    public record MaterialView(String content, OffsetDateTime publishedAt) {
    }

    public record OpinionView(long id, String author, String role, boolean invited, String content,
            OffsetDateTime createdAt, boolean edited, long supports, boolean mine, boolean supported) {
    }

    public record HiddenView(long id, String content, String reason) {
    }

    public record MeView(String name, String mobile, String role, long posted, int limit, List<HiddenView> hidden) {
    }

    public record OutcomeView(String label, String summary) {
    }

    public record Detail(String number, String title, String description, String placeName, OffsetDateTime closingAt,
            String status, String statusLabel, boolean open, MaterialView material, List<OpinionView> opinions,
            MeView me, OutcomeView outcome, List<ResultsQuery.PublicItem> results) {
    }

    @GetMapping(BASE + "/consultations/{number}")
    public Detail detail(@PathVariable String number, @CookieValue(name = COOKIE, required = false) String token) {
        Consultation c = online.published(number);
        OnlineWindow window = online.window(c);
        Status status = Status.of(c, window);
        Topic topic = consultations.topicOf(c);
        Optional<Person> person = registrations.signedIn(token);
        ForPublic seen = opinions.forPublic(c.id(), person);
        List<OpinionView> list = seen.visible().stream()
                .sorted(Comparator.comparing(OnlineOpinion::createdAt).reversed())
                .map(o -> new OpinionView(o.id(), o.authorName(), o.authorRole().label(), o.authorRole().invited(),
                        o.content(), o.createdAt(), o.edited(), o.supports(),
                        person.isPresent() && o.citizenId() != null && o.citizenId() == person.get().citizenId(),
                        seen.supported().contains(o.id())))
                .toList();
        MeView me = person.map(p -> new MeView(p.maskedName(), p.maskedMobile(),
                invitations.of(c.id(), p).map(Invitation::role).orElse(OnlineRole.PUBLIC).label(), seen.mine(),
                properties.getOpinionsPerPerson(),
                seen.mineHidden().stream().map(o -> new HiddenView(o.id(), o.content(), o.hiddenReason())).toList()))
                .orElse(null);
        boolean concluded = c.outcome() != null && c.stage() != Stage.CONSULTING;
        boolean transferring = c.stage() == Stage.TRANSFER || c.stage() == Stage.CLOSED;
        return new Detail(c.number(), topic.title(), topic.description(), organisation.place(c.placeCode()).name(),
                c.closingAt(), status.name(), status.label, window == OnlineWindow.OPEN,
                online.material(c.id()).map(m -> new MaterialView(m.content(), m.publishedAt())).orElse(null),
                list, me, concluded ? new OutcomeView(c.outcome().label(), c.outcomeSummary()) : null,
                transferring ? results.publicItems(c.id()) : List.of());
    }

    // ---- registration

    public record CodeRequest(String mobile) {
    }

    public record CodeSent(String message, int resendSeconds) {
    }

    @PostMapping(BASE + "/codes")
    public CodeSent sendCode(@RequestBody CodeRequest request, HttpServletRequest http) {
        VerificationCodes.Sent sent = codes.send(request.mobile(), http.getRemoteAddr());
        return new CodeSent("验证码已发送，" + sent.validMinutes() + "分钟内有效", sent.resendSeconds());
    }

    public record Registration(String name, String mobile, String code, boolean consent) {
    }

    public record SignedIn(boolean registered, String name, String mobile) {

        static SignedIn of(Person person) {
            return new SignedIn(true, person.maskedName(), person.maskedMobile());
        }
    }

    @PostMapping(BASE + "/registrations")
    public SignedIn register(@RequestBody Registration request, HttpServletRequest http, HttpServletResponse response) {
        Registered registered = registrations.register(request.name(), request.mobile(), request.code(), request.consent());
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(registered.token(), properties.getSessionValidity(), http).toString());
        return SignedIn.of(registered.person());
    }

    @GetMapping(BASE + "/me")
    public SignedIn me(@CookieValue(name = COOKIE, required = false) String token) {
        return registrations.signedIn(token).map(SignedIn::of).orElse(new SignedIn(false, null, null));
    }

    @DeleteMapping(BASE + "/session")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void signOut(@CookieValue(name = COOKIE, required = false) String token, HttpServletRequest http,
            HttpServletResponse response) {
        registrations.signOut(token);
        response.addHeader(HttpHeaders.SET_COOKIE, cookie("", Duration.ZERO, http).toString());
    }

    private static ResponseCookie cookie(String value, Duration maxAge, HttpServletRequest http) {
        return ResponseCookie.from(COOKIE, value).httpOnly(true).secure(http.isSecure()).sameSite("Strict")
                .path(BASE).maxAge(maxAge).build();
    }

    // ---- opinions

    public record Content(String content) {
    }

    public record Posted(long id) {
    }

    @PostMapping(BASE + "/consultations/{number}/opinions")
    @ResponseStatus(HttpStatus.CREATED)
    public Posted post(@PathVariable String number, @RequestBody Content request,
            @CookieValue(name = COOKIE, required = false) String token) {
        Person person = signedIn(token);
        return new Posted(opinions.post(online.published(number).id(), person, request.content()));
    }

    @PutMapping(BASE + "/opinions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void edit(@PathVariable long id, @RequestBody Content request,
            @CookieValue(name = COOKIE, required = false) String token) {
        opinions.edit(id, signedIn(token), request.content());
    }

    @PostMapping(BASE + "/opinions/{id}/support")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void support(@PathVariable long id, @CookieValue(name = COOKIE, required = false) String token) {
        opinions.support(id, signedIn(token));
    }

    @DeleteMapping(BASE + "/opinions/{id}/support")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void withdrawSupport(@PathVariable long id, @CookieValue(name = COOKIE, required = false) String token) {
        opinions.withdrawSupport(id, signedIn(token));
    }

    private Person signedIn(String token) {
        return registrations.signedIn(token).orElseThrow(Refusal::notRegistered);
    }

    /** Where an online consultation stands, in the public's words. */
    enum Status {
        NOT_STARTED("尚未开始征求意见"),
        OPEN("征求意见中"),
        SUMMARISING("已截止，正在汇总意见"),
        CONCLUDED("已形成协商结果"),
        TRANSFERRING("协商成果办理中"),
        FINISHED("已办结");

        final String label;

        Status(String label) {
            this.label = label;
        }

        static Status of(Consultation c, OnlineWindow window) {
            if (window == OnlineWindow.OPEN) {
                return OPEN;
            }
            if (window != OnlineWindow.ENDED) {
                return NOT_STARTED;
            }
            return switch (c.stage()) {
                case MINUTES -> CONCLUDED;
                case TRANSFER -> TRANSFERRING;
                case CLOSED -> FINISHED;
                default -> SUMMARISING;
            };
        }
    }
}
