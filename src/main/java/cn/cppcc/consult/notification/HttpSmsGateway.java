package cn.cppcc.consult.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A text message gateway over HTTP ({@code consult.notification.sms.*}). Each message is one
 * {@code POST <url>} with a JSON body {@code {"requestId", "mobile", "signName", "content"}}, the
 * header {@code Idempotency-Key} (= requestId; the gateway must accept a repeat once only), HTTP
 * Basic credentials or a bearer token if configured. 2xx: accepted. 4xx other than 408 and 429: the
 * gateway refuses the message itself, which fails at once. Anything else, a timeout or no
 * connection: retried later.
 */
@Component
public class HttpSmsGateway implements SmsProvider {

    private final NotificationProperties properties;
    private final ObjectMapper json = new ObjectMapper();
    private volatile HttpClient client;
    private volatile Duration clientConnectTimeout;

    HttpSmsGateway(NotificationProperties properties) {
        this.properties = properties;
    }

    @Override
    public boolean enabled() {
        return properties.getSms().isConfigured();
    }

    @Override
    public void send(SmsMessage message) {
        NotificationProperties.Sms sms = properties.getSms();
        if (!sms.isConfigured()) {
            throw DeliveryException.transientFailure("未配置短信网关（consult.notification.sms.url）", null);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sms.getUrl()))
                .timeout(sms.getReadTimeout())
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("Idempotency-Key", message.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofString(body(message, sms), StandardCharsets.UTF_8));
        if (sms.getApiKey() != null && !sms.getApiKey().isBlank()) {
            request.header("Authorization", "Bearer " + sms.getApiKey());
        } else if (sms.getUsername() != null && !sms.getUsername().isBlank()) {
            String credentials = sms.getUsername() + ":" + (sms.getPassword() == null ? "" : sms.getPassword());
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response;
        try {
            response = client(sms.getConnectTimeout()).send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw DeliveryException.transientFailure("短信网关响应超时（" + sms.getReadTimeout().toSeconds() + "秒）", e);
        } catch (IOException e) {
            throw DeliveryException.transientFailure("无法连接短信网关：" + EmailSender.rootMessage(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryException.transientFailure("发送短信时被中断", e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        String detail = MessageTemplates.cut(response.body() == null ? "" : response.body().strip(), 200);
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            throw DeliveryException.permanentFailure("短信网关拒绝发送（HTTP " + status + "）：" + detail);
        }
        throw DeliveryException.transientFailure("短信网关返回错误（HTTP " + status + "）：" + detail, null);
    }

    private String body(SmsMessage message, NotificationProperties.Sms sms) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("requestId", message.idempotencyKey());
        body.put("mobile", message.mobile());
        body.put("signName", sms.getSignName());
        body.put("content", message.text());
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpClient client(Duration connectTimeout) {
        if (client == null || !connectTimeout.equals(clientConnectTimeout)) {
            client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
            clientConnectTimeout = connectTimeout;
        }
        return client;
    }
}
