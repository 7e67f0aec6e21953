package cn.cppcc.consult.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A browser-like session against the running application: cookies kept, logged in through the
 * Camunda webapp login (as Tasklist does), the CSRF token sent back as the pages send it.
 */
public final class WebSession {

    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;
    private String apiToken;

    public WebSession(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
    }

    public static WebSession loggedIn(int port, String user, String password) {
        WebSession session = new WebSession(port);
        HttpResponse<String> login = session.login(user, password);
        if (login.statusCode() != 200) {
            throw new IllegalStateException("登录失败：" + login.statusCode() + " " + login.body());
        }
        return session;
    }

    public HttpResponse<String> login(String user, String password) {
        get("/camunda/app/tasklist/");
        return send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(user) + "&password=" + encode(password))));
    }

    /** The session's cookies (to hand a login over to a browser). */
    public java.util.List<java.net.HttpCookie> cookies() {
        return cookies.getCookieStore().getCookies();
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> putJson(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A file upload as a browser's form sends it ({@code multipart/form-data}, one file part). */
    public HttpResponse<String> postFile(String path, String field, String fileName, byte[] content) {
        String boundary = "----consult" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(java.util.List.of(head, content, tail))));
    }

    public HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    /** A download: the body as bytes, with its headers. */
    public HttpResponse<byte[]> download(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A POST without the CSRF header, as a forged cross-site request would arrive. */
    public HttpResponse<String> postJsonWithoutCsrfToken(String path, String json) {
        return sendRaw(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** The body of a response that must have succeeded (the body tells why if it did not). */
    public static String ok(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError("期望 200，实际 " + response.statusCode() + "：" + response.body());
        }
        return response.body();
    }

    /** The body of a response that must have been refused with {@code status}. */
    public static String refused(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new AssertionError("期望 " + status + "，实际 " + response.statusCode() + "：" + response.body());
        }
        return response.body();
    }

    /**
     * Sends the CSRF token as the pages do: none to the citizens' APIs ({@code /api/public/}), to the
     * project's other APIs the one from {@code /api/csrf-token}
     * (the cookie is scoped to {@code /camunda}, which a browser does not show to pages under
     * {@code /app}), to the Camunda webapps the cookie's.
     */
    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest probe = request.copy().build();
        String path = probe.uri().getPath();
        if (path.startsWith("/api/") && !path.startsWith("/api/public/") && !probe.method().equals("GET")) {
            apiToken().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
        } else {
            csrfToken().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
        }
        request.header("Origin", base);
        return sendRaw(request);
    }

    /** The session's token for the project's APIs; none without a login. */
    private java.util.Optional<String> apiToken() {
        if (apiToken == null) {
            HttpResponse<String> response = get("/api/csrf-token");
            if (response.statusCode() != 200) {
                return java.util.Optional.empty();
            }
            apiToken = response.body().replaceAll(".*\"token\":\"([^\"]*)\".*", "$1");
        }
        return java.util.Optional.of(apiToken);
    }

    private HttpResponse<String> sendRaw(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private java.util.Optional<String> csrfToken() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(java.net.HttpCookie::getValue)
                .findFirst();
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
