package cn.cppcc.consult.participation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Component;

import cn.cppcc.consult.notification.NotificationProperties;

/** Addresses of the public online consultation page, as messages link to it. */
@Component
public class OnlineLinks {

    public static final String PAGE = "/public/online.html";
    /** Its script and style sheet. */
    public static final String ASSETS = "/public/online/";

    private final NotificationProperties properties;

    OnlineLinks(NotificationProperties properties) {
        this.properties = properties;
    }

    public String consultation(String number) {
        return properties.getBaseUrl() + PAGE + "?c=" + URLEncoder.encode(number, StandardCharsets.UTF_8);
    }
}
