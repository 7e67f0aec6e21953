package cn.cppcc.consult.participation;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.notification.DeliveryException;
import cn.cppcc.consult.notification.SmsProvider;
import cn.cppcc.consult.notification.SmsProvider.SmsMessage;
import cn.cppcc.consult.participation.Refusal.CodeRejected;
import cn.cppcc.consult.participation.VerificationCodeRepository.Code;
import cn.cppcc.consult.process.EngineClock;

/**
 * One-time codes that confirm a mobile number. A code goes out at once through the platform's SMS
 * gateway (not the outbox: the person is waiting for it, quiet hours do not apply, and the outbox
 * would keep its text); the database keeps only a salted hash of it and hashes of the number and
 * the client. Only the newest code of a number counts; it expires, is used once, and is spent
 * after a few wrong tries. A number may ask again only after a pause and a few times an hour, a
 * client (IP address) a few more times.
 */
@Service
@Transactional
public class VerificationCodes {

    private static final Logger LOG = LoggerFactory.getLogger(VerificationCodes.class);
    static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final int DIGITS = 6;

    private final VerificationCodeRepository codes;
    private final SmsProvider sms;
    private final OnlineProperties properties;

    VerificationCodes(VerificationCodeRepository codes, SmsProvider sms, OnlineProperties properties) {
        this.codes = codes;
        this.sms = sms;
        this.properties = properties;
    }

    public record Sent(int validMinutes, int resendSeconds) {
    }

    /** Sends a new code to {@code mobile}, asked for by {@code client}; the number's earlier codes stop counting. */
    public Sent send(String mobile, String client) {
        String number = checkMobile(mobile);
        if (!sms.enabled()) {
            throw Refusal.unavailable("短信服务暂未开通，暂时无法实名登记，请稍后再试");
        }
        OffsetDateTime now = EngineClock.now();
        String mobileHash = Secrets.sha256(number);
        String clientHash = Secrets.sha256(client == null ? "" : client);
        codes.deleteOlderThan(now.minusDays(1));
        Duration pause = properties.getResendInterval();
        codes.newest(mobileHash).map(Code::createdAt).filter(sent -> sent.plus(pause).isAfter(now)).ifPresent(sent -> {
            long wait = Math.max(1, (Duration.between(now, sent.plus(pause)).toMillis() + 999) / 1000);
            throw Refusal.tooMany("验证码已发送，请" + wait + "秒后再重新获取");
        });
        if (codes.countForMobileSince(mobileHash, now.minusHours(1)) >= properties.getCodesPerMobilePerHour()) {
            throw Refusal.tooMany("该手机号获取验证码过于频繁，请1小时后再试");
        }
        if (codes.countForClientSince(clientHash, now.minusHours(1)) >= properties.getCodesPerClientPerHour()) {
            throw Refusal.tooMany("获取验证码过于频繁，请稍后再试");
        }
        String code = Secrets.code(DIGITS);
        String salt = Secrets.salt();
        int minutes = (int) properties.getCodeValidity().toMinutes();
        codes.insert(mobileHash, clientHash, salt, Secrets.sha256(salt + code), now, now.plus(properties.getCodeValidity()));
        try {
            sms.send(new SmsMessage(number, "您正在政协协商平台实名登记，验证码" + code + "，" + minutes
                    + "分钟内有效。请勿将验证码告诉他人；如非本人操作，请忽略本短信。", "code-" + UUID.randomUUID()));
        } catch (DeliveryException e) {
            LOG.warn("Verification code not sent: {}", e.getMessage());
            throw Refusal.unavailable("验证码短信发送失败，请稍后重试");
        }
        return new Sent(minutes, (int) pause.toSeconds());
    }

    /**
     * Uses the newest code sent to {@code mobile}. A wrong code counts a try (committed with the
     * refusal, see {@link CodeRejected}); the caller writes nothing before this.
     */
    @Transactional(noRollbackFor = CodeRejected.class)
    public void use(String mobile, String code) {
        String number = checkMobile(mobile);
        if (code == null || !code.strip().matches("\\d{" + DIGITS + "}")) {
            throw Refusal.invalid("请输入短信中的" + DIGITS + "位验证码");
        }
        OffsetDateTime now = EngineClock.now();
        Code newest = codes.newest(Secrets.sha256(number))
                .orElseThrow(() -> new CodeRejected("请先获取短信验证码"));
        if (newest.usedAt() != null) {
            throw new CodeRejected("该验证码已使用过，请重新获取验证码");
        }
        if (!now.isBefore(newest.expiresAt())) {
            throw new CodeRejected("验证码已过期，请重新获取");
        }
        int max = properties.getCodeAttempts();
        if (newest.attempts() >= max) {
            throw new CodeRejected("验证码输错次数过多，已失效，请重新获取");
        }
        if (!Secrets.same(newest.codeHash(), Secrets.sha256(newest.salt() + code.strip()))) {
            if (!codes.countWrongTry(newest.id(), max)) {
                throw new CodeRejected("验证码输错次数过多，已失效，请重新获取");
            }
            int left = max - newest.attempts() - 1;
            throw new CodeRejected(left > 0 ? "验证码不正确，还可以再试" + left + "次"
                    : "验证码输错次数过多，已失效，请重新获取");
        }
        if (!codes.use(newest.id(), now)) {
            throw new CodeRejected("该验证码已使用过，请重新获取验证码");
        }
    }

    static String checkMobile(String mobile) {
        String number = mobile == null ? "" : mobile.strip();
        if (!MOBILE.matcher(number).matches()) {
            throw Refusal.invalid("请输入正确的11位手机号码");
        }
        return number;
    }
}
