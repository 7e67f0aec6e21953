package cn.cppcc.consult.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The engine REST API of one node over HTTP with Basic authentication, as scripts and Camunda Modeler call it. */
final class Rest {

    static final ObjectMapper JSON = new ObjectMapper();

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String user;
    private final String password;

    Rest(String base, String user, String password) {
        this.base = base;
        this.user = user;
        this.password = password;
    }

    Rest as(String otherUser, String otherPassword) {
        return new Rest(base, otherUser, otherPassword);
    }

    record Answer(int status, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        boolean ok() {
            return status / 100 == 2;
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    Answer post(String path, Object body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    Answer put(String path) throws IOException, InterruptedException {
        return send(request(path).PUT(HttpRequest.BodyPublishers.noBody()));
    }

    /** {@code POST /deployment/create} with one BPMN file, as Camunda Modeler deploys. */
    Answer deploy(String name, String fileName, String bpmn) throws IOException, InterruptedException {
        String boundary = UUID.randomUUID().toString();
        String body = part(boundary, "deployment-name", null, name)
                + part(boundary, "deployment-source", null, "reliability-suite")
                + part(boundary, "data", fileName, bpmn)
                + "--" + boundary + "--\r\n";
        return send(request("/deployment/create").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private static String part(String boundary, String name, String fileName, String value) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream")
                + "\r\n\r\n" + value + "\r\n";
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    private static Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.body());
    }

    /** {@code {"variables": {name: {"value": v, "type": t}}}}. */
    static Map<String, Object> variables(Map<String, Object> values) {
        Map<String, Object> variables = new java.util.LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, value instanceof Long
                ? Map.of("value", value, "type", "Long") : Map.of("value", value)));
        return Map.of("variables", variables);
    }

    static List<String> ids(Answer answer) {
        return java.util.stream.StreamSupport.stream(answer.json().spliterator(), false)
                .map(node -> node.get("id").asText()).toList();
    }
}
