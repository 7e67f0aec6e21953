package cn.cppcc.consult.notification;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * {@code consult.notification.*}: where links point, how often a failed delivery is retried, the
 * e-mail sender and the SMS gateway. The SMTP server itself is Spring Boot's {@code spring.mail.*};
 * e-mail is sent only when {@code spring.mail.host} is set, text messages only when
 * {@code consult.notification.sms.url} is.
 */
@Component
@ConfigurationProperties(prefix = "consult.notification")
public class NotificationProperties {

    /** The platform's address as users reach it, for links in messages. */
    private String baseUrl = "http://localhost:8080";

    /**
     * The waits between delivery attempts (backoff): a delivery is tried once and then once after
     * each wait; after the last it is a failure that supervisors see and may retry.
     */
    private List<Duration> retryBackoff = new ArrayList<>(List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(6)));

    private final Email email = new Email();
    private final Sms sms = new Sms();

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public List<Duration> getRetryBackoff() {
        return retryBackoff;
    }

    public void setRetryBackoff(List<Duration> retryBackoff) {
        if (retryBackoff.isEmpty()) {
            throw new IllegalArgumentException("consult.notification.retry-backoff 至少要有一个间隔");
        }
        this.retryBackoff = retryBackoff;
    }

    public Email getEmail() {
        return email;
    }

    public Sms getSms() {
        return sms;
    }

    public static class Email {

        private String from = "noreply@localhost";
        private String senderName = "政协协商平台";

        public String getFrom() {
            return from;
        }

        public void setFrom(String from) {
            this.from = from;
        }

        public String getSenderName() {
            return senderName;
        }

        public void setSenderName(String senderName) {
            this.senderName = senderName;
        }
    }

    /** The HTTP SMS gateway (see {@link HttpSmsGateway} for what it is sent) and quiet hours. */
    public static class Sms {

        /** The gateway's send endpoint; empty: no text messages are sent. */
        private String url;
        /** HTTP Basic credentials, if the gateway wants them. */
        private String username;
        private String password;
        /** Or a bearer token. */
        private String apiKey;
        /** The signature (短信签名) registered with the provider. */
        private String signName = "政协协商平台";
        /** Both well below the job executor's lock time (5 minutes), so no other node takes over a send in progress. */
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ofSeconds(15);
        /** Quiet hours (Beijing time): text messages due then wait until they end. Per-user settings override. */
        private LocalTime quietFrom = LocalTime.of(22, 0);
        private LocalTime quietUntil = LocalTime.of(7, 0);

        public boolean isConfigured() {
            return url != null && !url.isBlank();
        }

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public String getApiKey() {
            return apiKey;
        }

        public void setApiKey(String apiKey) {
            this.apiKey = apiKey;
        }

        public String getSignName() {
            return signName;
        }

        public void setSignName(String signName) {
            this.signName = signName;
        }

        public Duration getConnectTimeout() {
            return connectTimeout;
        }

        public void setConnectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
        }

        public Duration getReadTimeout() {
            return readTimeout;
        }

        public void setReadTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
        }

        public LocalTime getQuietFrom() {
            return quietFrom;
        }

        public void setQuietFrom(LocalTime quietFrom) {
            this.quietFrom = quietFrom;
        }

        public LocalTime getQuietUntil() {
            return quietUntil;
        }

        public void setQuietUntil(LocalTime quietUntil) {
            this.quietUntil = quietUntil;
        }
    }
}
