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

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> put(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    /** A POST without the CSRF header, as a forged cross-site request would arrive. */
    public HttpResponse<String> postJsonWithoutCsrfToken(String path, String json) {
        return sendRaw(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /**
     * Sends the CSRF token as the pages do: none to the citizens' APIs ({@code /api/public/}), to the
     * project's other APIs the one from {@code /api/csrf-token}
     * (the cookie is scoped to {@code /camunda}, which a browser does not show to pages under
     * {@code /app}), to the Camunda webapps the cookie's.
     */
    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest probe = request.copy().build();
        if (probe.uri().getPath().startsWith("/api/public/")) {
            return sendRaw(request);
        }
        if (probe.uri().getPath().startsWith("/api/") && !probe.method().equals("GET")) {
            request.header("X-XSRF-TOKEN", apiToken());
        } else {
            csrfToken().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
        }
        request.header("Origin", base);
        return sendRaw(request);
    }

    private String apiToken() {
        if (apiToken == null) {
            String body = get("/api/csrf-token").body();
            apiToken = body.replaceAll(".*\"token\":\"([^\"]*)\".*", "$1");
        }
        return apiToken;
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
