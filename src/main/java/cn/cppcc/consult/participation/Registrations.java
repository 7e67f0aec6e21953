package cn.cppcc.consult.participation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.citizen.Citizen;
import cn.cppcc.consult.citizen.CitizenRepository;
import cn.cppcc.consult.participation.Refusal.CodeRejected;
import cn.cppcc.consult.process.EngineClock;

/**
 * Real-name registration (实名登记) on the public pages: a name and a mobile number confirmed by a
 * one-time code, then a sign-in kept in the database (any node answers) for a few days.
 *
 * <p>The person is a row of table {@code citizen}, found again by number and name: whoever raised a
 * topic with the same name and number (topic intake) or registered before is the same person, so
 * their participation is counted once. The same number with another name is another person, since
 * family members in a village often share one phone; a number may stand for a few names only.
 */
@Service
@Transactional
public class Registrations {

    private static final Pattern NAME = Pattern.compile("[\\p{IsHan}A-Za-z·• ]{2,20}");

    private final VerificationCodes codes;
    private final CitizenRepository citizens;
    private final OnlineSessionRepository sessions;
    private final OnlineProperties properties;

    Registrations(VerificationCodes codes, CitizenRepository citizens, OnlineSessionRepository sessions,
            OnlineProperties properties) {
        this.codes = codes;
        this.citizens = citizens;
        this.sessions = sessions;
        this.properties = properties;
    }

    public record Registered(String token, Person person, OffsetDateTime expiresAt) {
    }

    @Transactional(noRollbackFor = CodeRejected.class)
    public Registered register(String name, String mobile, String code, boolean consent) {
        String realName = name == null ? "" : name.strip();
        if (!NAME.matcher(realName).matches()) {
            throw Refusal.invalid("请填写真实姓名（2至20个汉字或字母）");
        }
        String number = VerificationCodes.checkMobile(mobile);
        if (!consent) {
            throw Refusal.invalid("请阅读并同意《个人信息处理说明》后再登记");
        }
        Citizen citizen = person(realName, number);
        codes.use(number, code);
        OffsetDateTime now = EngineClock.now();
        long citizenId = citizen != null ? citizen.id() : citizens.insert(realName, number, now);
        sessions.deleteExpired(now);
        String token = Secrets.token();
        OffsetDateTime expiresAt = now.plus(properties.getSessionValidity());
        sessions.insert(Secrets.sha256(token), citizenId, now, expiresAt);
        return new Registered(token, Person.of(citizens.find(citizenId).orElseThrow()), expiresAt);
    }

    /** The person already known by this name and number, or null; refused if the number stands for enough names. */
    private Citizen person(String name, String mobile) {
        List<Citizen> sameNumber = citizens.findByMobile(mobile);
        Optional<Citizen> same = sameNumber.stream().filter(c -> c.name().equals(name)).findFirst();
        if (same.isEmpty() && sameNumber.size() >= properties.getNamesPerMobile()) {
            throw Refusal.conflict("该手机号已登记" + sameNumber.size() + "人，不能再登记其他姓名");
        }
        return same.orElse(null);
    }

    @Transactional(readOnly = true)
    public Optional<Person> signedIn(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return sessions.citizenOf(Secrets.sha256(token), EngineClock.now())
                .flatMap(citizens::find)
                .map(Person::of);
    }

    public void signOut(String token) {
        if (token != null && !token.isBlank()) {
            sessions.delete(Secrets.sha256(token));
        }
    }
}
