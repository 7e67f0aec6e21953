package cn.cppcc.consult.notification;

/**
 * Sends text messages. {@link HttpSmsGateway} talks to a configurable HTTP gateway; a provider with
 * an API of its own (Aliyun, Tencent Cloud…) is another implementation of this interface.
 * Implementations must pass {@link SmsMessage#idempotencyKey()} on, so the provider drops a repeat
 * of a message it has already accepted, and throw {@link DeliveryException} when they fail.
 */
public interface SmsProvider {

    boolean enabled();

    void send(SmsMessage message);

    record SmsMessage(String mobile, String text, String idempotencyKey) {
    }
}
