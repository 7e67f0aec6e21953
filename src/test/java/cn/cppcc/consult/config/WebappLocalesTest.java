package cn.cppcc.consult.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Simplified Chinese locale of the Camunda webapps against the English one of the Camunda
 * version on the classpath: every key translated (an upgrade that adds keys fails here until they
 * are), nothing left in English, placeholders and markup kept.
 */
class WebappLocalesTest {

    private static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";

    /** English values that stay as they are in Chinese: product names, file formats, operators, a date pattern. */
    private static final Set<String> SAME_IN_CHINESE = Set.of(
            "Camunda", "Optimize", "CSV", "JSON", "<", "<=", ">", ">=", "YYYY-MM-DDTHH:mm:ss");

    /** {{placeholders}}, {} and %s/%d, HTML tags and entities. */
    private static final Pattern TOKENS =
            Pattern.compile("\\{\\{[^}]*}}|\\{}|%[sd]|</?(?:a|br|strong|b|i|em|code|span)\\b[^>]*>|&[a-z]+;");

    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"welcome", "tasklist", "cockpit", "admin"})
    void everyEnglishKeyHasAChineseText(String app) throws IOException {
        JsonNode english = locale(app, "en");
        JsonNode chinese = locale(app, "zh");

        assertThat(paths(chinese, "")).containsExactlyInAnyOrderElementsOf(paths(english, ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"welcome", "tasklist", "cockpit", "admin"})
    void noTextIsLeftInEnglish(String app) throws IOException {
        assertThat(labelsWhere(app, (english, chinese) ->
                !english.isEmpty() && !SAME_IN_CHINESE.contains(english) && english.equals(chinese))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"welcome", "tasklist", "cockpit", "admin"})
    void placeholdersAndMarkupAreKept(String app) throws IOException {
        assertThat(labelsWhere(app, (english, chinese) -> !tokens(english).equals(tokens(chinese)))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin"})
    void datesReadTheChineseWay(String app) throws IOException {
        JsonNode dates = locale(app, "zh").get("dateLocales");

        assertThat(dates.get("months").get(0).asText()).isEqualTo("一月");
        assertThat(dates.get("weekdays").get(1).asText()).isEqualTo("星期一");
        assertThat(dates.get("longDateFormat").get("LL").asText()).isEqualTo("YYYY年M月D日");
        assertThat(dates.get("week").get("dow").asInt()).isEqualTo(1);
    }

    /** The labels whose English and Chinese texts show the given problem, as "KEY: English → Chinese". */
    private List<String> labelsWhere(String app, BiPredicate<String, String> problem) throws IOException {
        JsonNode english = locale(app, "en").get("labels");
        JsonNode chinese = locale(app, "zh").get("labels");
        List<String> found = new ArrayList<>();
        english.fieldNames().forEachRemaining(key -> {
            String text = english.get(key).asText();
            String translation = chinese.path(key).asText();
            if (problem.test(text, translation)) {
                found.add(key + ": " + text + " → " + translation);
            }
        });
        return found;
    }

    private JsonNode locale(String app, String language) throws IOException {
        URL url = getClass().getClassLoader().getResource(LOCALES.formatted(app, language));
        assertThat(url).as("%s locale of %s on the classpath", language, app).isNotNull();
        try (InputStream in = url.openStream()) {
            byte[] bytes = in.readAllBytes();
            int bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF ? 3 : 0;
            return json.readTree(new String(bytes, bom, bytes.length - bom, StandardCharsets.UTF_8));
        }
    }

    /** Every key path of a locale file, with the length of each list (months, weekdays…). */
    private static Set<String> paths(JsonNode node, String prefix) {
        Set<String> paths = new TreeSet<>();
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                paths.addAll(paths(field.getValue(), prefix + "/" + field.getKey()));
            }
        } else if (node.isArray()) {
            paths.add(prefix + "[" + node.size() + "]");
        } else {
            paths.add(prefix);
        }
        return paths;
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKENS.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group().replaceAll("\\s+", ""));
        }
        tokens.sort(null);
        return tokens;
    }
}
