package cn.cppcc.consult.intake;

import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

import cn.cppcc.consult.process.FormValues;

/**
 * A citizen's topic from the public page (网络征题), read from the submitted JSON and validated with
 * the messages the page shows next to each field. Text is kept exactly as typed (HTML included):
 * it is only ever shown as text.
 */
public record OnlineSubmission(String name, String mobile, String townshipCode, String villageCode, String title,
        String description, int affectedCount) {

    public static final int NAME_MAX = 30;
    public static final int TITLE_MIN = 5;
    public static final int TITLE_MAX = 60;
    public static final int DESCRIPTION_MIN = 10;
    public static final int DESCRIPTION_MAX = 2000;
    public static final int AFFECTED_MAX = 10_000_000;

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    /** Control characters other than line breaks and tabs (PostgreSQL refuses NUL in text). */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");

    public static OnlineSubmission from(Map<String, ?> body) {
        return new OnlineSubmission(
                text(body, "name", "真实姓名", 2, NAME_MAX, false),
                mobile(body),
                code(body, "township", "所在乡镇（街道）"),
                optionalCode(body, "village"),
                text(body, "title", "议题标题", TITLE_MIN, TITLE_MAX, false),
                text(body, "description", "议题内容", DESCRIPTION_MIN, DESCRIPTION_MAX, true),
                affected(body));
    }

    private static String raw(Map<String, ?> body, String key, String label) {
        Object value = body.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String) && !(value instanceof Number)) {
            throw FormValues.invalid(key, label + "的格式无效");
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    private static String text(Map<String, ?> body, String key, String label, int min, int max, boolean multiline) {
        String text = raw(body, key, label);
        if (text == null) {
            throw FormValues.invalid(key, "请填写" + label);
        }
        if (CONTROL.matcher(text).find() || (!multiline && text.matches("(?s).*[\\n\\r\\t].*"))) {
            throw FormValues.invalid(key, label + "含有无效字符");
        }
        int length = text.codePointCount(0, text.length());
        if (length < min || length > max) {
            throw FormValues.invalid(key, label + "应为" + min + "至" + max + "个字");
        }
        return text;
    }

    private static String mobile(Map<String, ?> body) {
        String mobile = raw(body, "mobile", "手机号码");
        if (mobile == null) {
            throw FormValues.invalid("mobile", "请填写手机号码");
        }
        if (!MOBILE.matcher(mobile).matches()) {
            throw FormValues.invalid("mobile", "请填写正确的11位手机号码");
        }
        return mobile;
    }

    private static String code(Map<String, ?> body, String key, String label) {
        String code = optionalCode(body, key);
        if (code == null) {
            throw FormValues.invalid(key, "请选择" + label);
        }
        return code;
    }

    private static String optionalCode(Map<String, ?> body, String key) {
        String code = raw(body, key, "地点");
        if (code != null && !code.matches("[a-zA-Z0-9._-]{1,64}")) {
            throw FormValues.invalid(key, "所选地点不存在");
        }
        return code;
    }

    private static int affected(Map<String, ?> body) {
        String text = raw(body, "affectedCount", "涉及群众人数");
        if (text == null) {
            throw FormValues.invalid("affectedCount", "请填写涉及群众人数");
        }
        FormFieldValidationException invalid = FormValues.invalid("affectedCount",
                "涉及群众人数应为1至" + AFFECTED_MAX + "之间的整数");
        try {
            long count = Long.parseLong(text);
            if (count < 1 || count > AFFECTED_MAX) {
                throw invalid;
            }
            return (int) count;
        } catch (NumberFormatException e) {
            throw invalid;
        }
    }
}
