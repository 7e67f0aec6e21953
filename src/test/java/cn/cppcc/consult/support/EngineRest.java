package cn.cppcc.consult.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The engine REST API over real HTTP, as a given user, with form values encoded as Tasklist encodes them. */
public final class EngineRest {

    private final TestRestTemplate http;
    private final String base;

    public EngineRest(TestRestTemplate http, int port) {
        this.http = http;
        this.base = "http://localhost:" + port + "/engine-rest";
    }

    public ResponseEntity<Map<String, Object>> post(String user, String password, String path, Object body) {
        return exchange(HttpMethod.POST, user, password, path, body, new ParameterizedTypeReference<>() { });
    }

    /**
     * A list's first page (up to 200 rows), as Tasklist and Cockpit ask for lists: the engine refuses an
     * unbounded list to a logged-in user ({@code queryMaxResultsLimit}).
     */
    public ResponseEntity<List<Map<String, Object>>> getList(String user, String password, String path) {
        String paged = path.contains("maxResults=") ? path
                : path + (path.contains("?") ? "&" : "?") + "firstResult=0&maxResults=200";
        return exchange(HttpMethod.GET, user, password, paged, null, new ParameterizedTypeReference<>() { });
    }

    public ResponseEntity<Map<String, Object>> get(String user, String password, String path) {
        return exchange(HttpMethod.GET, user, password, path, null, new ParameterizedTypeReference<>() { });
    }

    /** Any answer as text: for a call that may answer a list or a refusal. */
    public ResponseEntity<String> postForText(String user, String password, String path, Object body) {
        return exchange(HttpMethod.POST, user, password, path, body, new ParameterizedTypeReference<>() { });
    }

    public ResponseEntity<String> getForText(String user, String password, String path) {
        return exchange(HttpMethod.GET, user, password, path, null, new ParameterizedTypeReference<>() { });
    }

    public ResponseEntity<String> put(String user, String password, String path, Object body) {
        return exchange(HttpMethod.PUT, user, password, path, body, new ParameterizedTypeReference<>() { });
    }

    public ResponseEntity<Map<String, Object>> delete(String user, String password, String path) {
        return exchange(HttpMethod.DELETE, user, password, path, null, new ParameterizedTypeReference<>() { });
    }

    private <T> ResponseEntity<T> exchange(HttpMethod method, String user, String password, String path, Object body,
            ParameterizedTypeReference<T> type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (user != null) {
            headers.setBasicAuth(user, password);
        }
        return http.exchange(base + path, method, new HttpEntity<>(body, headers), type);
    }

    /** {@code {"variables": {...}}} as Tasklist submits a Camunda Form: Json typed for lists, untyped otherwise. */
    public static Map<String, Object> formSubmission(Map<String, Object> form) {
        Map<String, Object> variables = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            Map<String, Object> variable = new LinkedHashMap<>();
            if (value instanceof TypedValue typed) {
                variable.put("type", "Json");
                variable.put("value", String.valueOf(typed.getValue()));
            } else {
                variable.put("value", value);
            }
            variables.put(name, variable);
        });
        return Map.of("variables", variables);
    }
}
