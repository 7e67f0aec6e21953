package cn.cppcc.consult.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.cppcc.consult.support.ConsultTest;

/**
 * The HTTP hardening over real HTTP: security headers on the project's pages, APIs and the Camunda
 * webapps; HSTS and Secure cookies only over HTTPS (here: behind a trusted proxy that says so with
 * {@code X-Forwarded-Proto}); upload limits of our API and of the engine's own upload endpoints.
 */
@ConsultTest
class HttpHardeningTest {

    private static final String ADMIN_AUTH = "Basic " + Base64.getEncoder()
            .encodeToString("admin:Xieshang@2026".getBytes(StandardCharsets.UTF_8));

    @LocalServerPort int port;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void ourPagesAndApisCarryAStrictContentSecurityPolicyAndTheOtherHeaders() {
        for (String path : List.of("/public/topic.html", "/public/online.html", "/public/results.html", "/app/",
                "/app/results.html", "/api/public/results", "/public/public.js")) {
            HttpResponse<String> answer = get(path, false);
            String policy = answer.headers().firstValue("Content-Security-Policy").orElseThrow(() -> new AssertionError(path));
            assertThat(policy).as(path).contains("default-src 'self'", "script-src 'self'", "style-src 'self'",
                    "object-src 'none'", "frame-ancestors 'none'", "base-uri 'none'").doesNotContain("unsafe");
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(answer.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
            assertThat(answer.headers().firstValue("Referrer-Policy")).as(path).isPresent();
            // plain HTTP: no HSTS (browsers ignore it there, and a proxy may still terminate TLS elsewhere)
            assertThat(answer.headers().firstValue("Strict-Transport-Security")).as(path).isEmpty();
        }
        assertThat(get("/public/topic.html", false).headers().firstValue("Referrer-Policy")).contains("no-referrer");
    }

    @Test
    void theCamundaWebappsKeepCamundasOwnPolicy() {
        HttpResponse<String> tasklist = get("/camunda/app/tasklist/default/", false);
        assertThat(tasklist.statusCode()).isEqualTo(200);
        assertThat(tasklist.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("frame-ancestors 'none'", "object-src 'none'", "form-action 'self'");
        assertThat(tasklist.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(tasklist.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void overHttpsEveryAnswerHasHstsAndEveryCookieIsSecure() {
        for (String path : List.of("/public/topic.html", "/app/", "/camunda/app/tasklist/", "/engine-rest/version")) {
            assertThat(get(path, true).headers().firstValue("Strict-Transport-Security")).as(path)
                    .hasValueSatisfying(v -> assertThat(v).startsWith("max-age=31536000").contains("includeSubDomains"));
        }
        HttpResponse<String> tasklist = get("/camunda/app/tasklist/", true);
        String session = cookie(tasklist, "JSESSIONID");
        assertThat(session).containsIgnoringCase("; Secure").containsIgnoringCase("; HttpOnly")
                .containsIgnoringCase("SameSite=Lax");
        String xsrf = cookie(tasklist, "XSRF-TOKEN");
        assertThat(xsrf).containsIgnoringCase("Secure").containsIgnoringCase("SameSite=Lax");

        // over plain HTTP the same cookies are not marked Secure (the browser would drop them) but stay HttpOnly, SameSite
        HttpResponse<String> plain = get("/camunda/app/tasklist/", false);
        assertThat(cookie(plain, "JSESSIONID")).doesNotContainIgnoringCase("Secure")
                .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(cookie(plain, "XSRF-TOKEN")).doesNotContainIgnoringCase("Secure");
    }

    @Test
    void noPageOfOursNeedsAnInlineScriptHandlerOrStyle() throws IOException {
        Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
        Pattern handler = Pattern.compile("<[^>]+\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
        Pattern style = Pattern.compile("<[^>]+\\sstyle\\s*=|<style", Pattern.CASE_INSENSITIVE);
        Pattern javascriptUrl = Pattern.compile("javascript:", Pattern.CASE_INSENSITIVE);
        List<Path> pages;
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/static"))) {
            pages = files.filter(p -> p.toString().endsWith(".html")).toList();
        }
        assertThat(pages).hasSizeGreaterThan(10);
        for (Path page : pages) {
            String html = Files.readString(page);
            assertThat(inlineScript.matcher(html).find()).as("inline <script> in " + page).isFalse();
            assertThat(handler.matcher(html).find()).as("on…= handler in " + page).isFalse();
            assertThat(style.matcher(html).find()).as("inline style in " + page).isFalse();
            assertThat(javascriptUrl.matcher(html).find()).as("javascript: URL in " + page).isFalse();
        }
    }

    @Test
    void ourApiRefusesAnUploadOfTooManyPartsInChinese() {
        HttpResponse<String> many = multipart("/api/public/topics", 11, 10, false);
        assertThat(many.statusCode()).isEqualTo(400);
        assertThat(many.body()).contains("分段过多");
    }

    @Test
    void theEngineRefusesDeploymentsOverTheSizeOrPartLimitInChineseAndTakesOrdinaryOnes() {
        HttpResponse<String> ordinary = multipart("/engine-rest/deployment/create", 3, 100, true);
        assertThat(ordinary.statusCode()).as(ordinary.body()).isEqualTo(200);

        HttpResponse<String> manyParts = multipart("/engine-rest/deployment/create", 101, 10, true);
        assertThat(manyParts.statusCode()).isEqualTo(400);
        assertThat(manyParts.body()).contains("分段过多", "100");

        HttpResponse<String> tooLarge = multipart("/engine-rest/deployment/create", 3, 6 * 1024 * 1024, true);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("上传的内容太大", "11MB");

        // the webapps' engine API (Cockpit's deployments) has the same limits
        HttpResponse<String> webapp = multipart("/camunda/api/engine/engine/default/deployment/create", 101, 10, false);
        assertThat(webapp.statusCode()).isEqualTo(400);
        assertThat(webapp.body()).contains("分段过多");
    }

    /** A deployment-like multipart body: {@code parts - 1} text resources of {@code size} bytes and its name. */
    private HttpResponse<String> multipart(String path, int parts, int size, boolean asAdmin) {
        String boundary = "----hardening" + System.nanoTime();
        List<byte[]> body = new ArrayList<>();
        body.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nupload-limit-test\r\n")
                .getBytes(StandardCharsets.UTF_8));
        byte[] content = "说明".repeat(size / 6 + 1).substring(0, size / 3 + 1).getBytes(StandardCharsets.UTF_8);
        for (int i = 1; i < parts; i++) {
            body.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"readme" + i + ".txt\"; filename=\"readme"
                    + i + ".txt\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.add(content);
            body.add("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(body));
        if (asAdmin) {
            request.header("Authorization", ADMIN_AUTH);
        }
        return send(request);
    }

    private static String cookie(HttpResponse<String> answer, String name) {
        return answer.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .findFirst().orElseThrow(() -> new AssertionError("no cookie " + name + " in " + answer.headers().map()));
    }

    private HttpResponse<String> get(String path, boolean https) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (https) {
            request.header("X-Forwarded-Proto", "https");
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
