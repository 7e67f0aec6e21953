package cn.cppcc.consult.notification;

import java.io.UnsupportedEncodingException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** E-mail over SMTP through Spring Mail ({@code spring.mail.*}); off while no SMTP host is configured. */
@Component
public class EmailSender {

    /** Carries the delivery's idempotency key, so a receiving system can recognise a repeated message. */
    static final String DELIVERY_HEADER = "X-Consult-Delivery";

    private final ObjectProvider<JavaMailSender> mailSender;
    private final NotificationProperties properties;

    EmailSender(ObjectProvider<JavaMailSender> mailSender, NotificationProperties properties) {
        this.mailSender = mailSender;
        this.properties = properties;
    }

    public boolean enabled() {
        return mailSender.getIfAvailable() != null;
    }

    public void send(String to, String subject, String text, String idempotencyKey) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            throw DeliveryException.transientFailure("未配置邮件服务器（spring.mail.host）", null);
        }
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(properties.getEmail().getFrom(), properties.getEmail().getSenderName());
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(text);
            message.setHeader(DELIVERY_HEADER, idempotencyKey);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw DeliveryException.permanentFailure("邮件无法生成（收件地址“" + to + "”有误？）：" + e.getMessage());
        }
        try {
            sender.send(message);
        } catch (MailParseException | MailPreparationException e) {
            throw DeliveryException.permanentFailure("邮件无法生成：" + e.getMessage());
        } catch (MailAuthenticationException e) {
            throw DeliveryException.transientFailure("邮件服务器拒绝登录，请检查 spring.mail.username/password", e);
        } catch (MailException e) {
            throw DeliveryException.transientFailure("邮件发送失败：" + rootMessage(e), e);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
