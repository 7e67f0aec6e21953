package cn.cppcc.consult.notification;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.notification.MessageTemplate.Text;
import cn.cppcc.consult.notification.NotificationService.Message;
import cn.cppcc.consult.process.EngineClock;

/**
 * The wording of messages: the administrators' version of a template where they have changed it,
 * else the one shipped. Read from the database each time, so every node of a cluster uses a change
 * at once.
 */
@Service
@Transactional
public class MessageTemplates {

    static final int SUBJECT_MAX = 200;
    static final int BODY_MAX = 4000;
    static final int SHORT_MAX = 500;
    private static final Pattern TOKEN = Pattern.compile("\\{([^{}]*)}");

    private final JdbcClient jdbc;

    MessageTemplates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The text as stored with the message: subject, body, text message. */
    public record Rendered(String subject, String body, String shortText) {
    }

    public record TemplateView(String key, String label, NotificationKind kind, String kindLabel,
            List<String> placeholders, String subject, String body, String shortText, boolean customised,
            String updatedBy, OffsetDateTime updatedAt) {
    }

    private record Custom(String subject, String body, String shortText, String updatedBy, OffsetDateTime updatedAt) {
    }

    @Transactional(readOnly = true)
    public Rendered render(Message message) {
        MessageTemplate template = message.template();
        List<Placeholder> missing = template.placeholders().stream().filter(p -> !message.values().containsKey(p)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("消息模板“" + template.label() + "”缺少" + tokens(missing));
        }
        Text text = textOf(template);
        return new Rendered(cut(fill(text.subject(), message.values()), SUBJECT_MAX),
                cut(fill(text.body(), message.values()), BODY_MAX),
                cut(fill(text.shortText(), message.values()), SHORT_MAX));
    }

    @Transactional(readOnly = true)
    public Text textOf(MessageTemplate template) {
        return find(template).map(o -> new Text(o.subject(), o.body(), o.shortText())).orElse(template.defaultText());
    }

    @Transactional(readOnly = true)
    public List<TemplateView> all() {
        return Arrays.stream(MessageTemplate.values()).map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public TemplateView view(MessageTemplate template) {
        Optional<Custom> custom = find(template);
        Text text = custom.map(o -> new Text(o.subject(), o.body(), o.shortText())).orElse(template.defaultText());
        return new TemplateView(template.name(), template.label(), template.kind(), template.kind().label(),
                template.placeholders().stream().map(Placeholder::token).toList(), text.subject(), text.body(),
                text.shortText(), custom.isPresent(), custom.map(Custom::updatedBy).orElse(null),
                custom.map(Custom::updatedAt).orElse(null));
    }

    /** An administrator's wording; refused with the reason when a part is empty, too long or names an unknown placeholder. */
    public TemplateView save(MessageTemplate template, Text text, String adminId) {
        check(template, text);
        jdbc.sql("delete from notification_template where template_key = ?").param(template.name()).update();
        jdbc.sql("""
                        insert into notification_template (template_key, subject, body, short_text, updated_by, updated_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(template.name(), text.subject().strip(), text.body().strip(), text.shortText().strip(), adminId,
                        EngineClock.now())
                .update();
        return view(template);
    }

    /** Back to the wording shipped with the release. */
    public TemplateView reset(MessageTemplate template) {
        jdbc.sql("delete from notification_template where template_key = ?").param(template.name()).update();
        return view(template);
    }

    /** How the wording reads with sample values, before it is saved. */
    @Transactional(readOnly = true)
    public Rendered preview(MessageTemplate template, Text text) {
        check(template, text);
        Map<Placeholder, String> samples = template.placeholders().stream()
                .collect(Collectors.toMap(p -> p, MessageTemplates::sample));
        return new Rendered(fill(text.subject(), samples), fill(text.body(), samples), fill(text.shortText(), samples));
    }

    static MessageTemplate template(String key) {
        try {
            return MessageTemplate.valueOf(key);
        } catch (IllegalArgumentException e) {
            throw new java.util.NoSuchElementException("没有这个消息模板：" + key);
        }
    }

    private void check(MessageTemplate template, Text text) {
        List<String> problems = new ArrayList<>();
        checkPart("标题", text.subject(), SUBJECT_MAX, template, problems);
        checkPart("正文", text.body(), BODY_MAX, template, problems);
        checkPart("短信内容", text.shortText(), SHORT_MAX, template, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("；", problems));
        }
    }

    private static void checkPart(String part, String value, int max, MessageTemplate template, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add(part + "不能为空");
            return;
        }
        if (value.strip().length() > max) {
            problems.add(part + "不能超过" + max + "字");
        }
        Set<String> allowed = template.placeholders().stream().map(Placeholder::label).collect(Collectors.toSet());
        Set<String> unknown = new LinkedHashSet<>();
        Matcher m = TOKEN.matcher(value);
        while (m.find()) {
            if (!allowed.contains(m.group(1))) {
                unknown.add(m.group());
            }
        }
        if (!unknown.isEmpty()) {
            problems.add(part + "中的" + String.join("、", unknown) + "不是本模板可用的占位符（可用："
                    + tokens(template.placeholders()) + "）");
        }
    }

    private Optional<Custom> find(MessageTemplate template) {
        return jdbc.sql("""
                        select subject, body, short_text, updated_by, updated_at
                        from notification_template where template_key = ?""")
                .param(template.name())
                .query(Custom.class)
                .optional();
    }

    private static String fill(String text, Map<Placeholder, String> values) {
        String result = text;
        for (Map.Entry<Placeholder, String> value : values.entrySet()) {
            result = result.replace(value.getKey().token(), value.getValue());
        }
        return result;
    }

    private static String tokens(List<Placeholder> placeholders) {
        return placeholders.stream().map(Placeholder::token).collect(Collectors.joining("、"));
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String sample(Placeholder placeholder) {
        return switch (placeholder) {
            case TOPIC -> "水口村至镇区道路破损修缮";
            case TOPIC_DESCRIPTION -> "水口村至镇区的3公里村道多处破损，雨天积水，村民出行困难。";
            case NUMBER -> "XS2026-00001";
            case PLACE -> "云岭镇";
            case FORM -> "会议协商";
            case HOST -> "云岭镇镇长";
            case TIME -> "2026年5月20日 09:30";
            case VENUE -> "云岭镇同心圆工作室";
            case CLOSING_TIME -> "2026年5月18日 18:00";
            case REASON -> "该事项已纳入信访程序办理";
            case TASK -> "审定议题";
            case PROCESS -> "协商";
            case GROUP -> "云岭镇党委";
            case ASSIGNER -> "张三";
            case ITEM -> "撰写协商纪要";
            case DUE -> "2026年5月27日 18:00";
            case OVERDUE_DAYS -> "3";
            case HOLDER -> "云岭镇政协联络组（同心圆工作室）";
            case RESULT -> "已列入2026年村道修缮计划，预计9月完工";
            case ADOPTION -> "已采纳";
            case FEEDBACK_KIND -> "办结反馈";
            case CONTENT -> "协商纪要正文……";
            case LINK -> "http://localhost:8080/camunda/app/tasklist/";
            case ROLE -> "政协委员";
            case SOURCE -> "网络征题";
            case CONSULTATION_KIND -> "基层协商";
            case RECEIPT -> "K7M3-9QXD";
            case PLAN -> "云岭镇2026年度基层协商计划";
            case DOCUMENT_NUMBER -> "云委办发〔2026〕3号";
            case SCHEDULE -> "2026-03-01  水口村至镇区道路破损修缮\n2026-05-20  镇区菜市场改造";
            case PROGRESS -> "县交通局：办理中，完成40%。已完成设计";
            case YEAR -> "2026";
            case SCORE -> "86.5";
            case RANK -> "2";
            case RANKED -> "12";
        };
    }
}
