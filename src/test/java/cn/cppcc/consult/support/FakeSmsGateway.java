package cn.cppcc.consult.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on a free local port standing in for the SMS gateway. It accepts each
 * message once per {@code Idempotency-Key}, as the platform requires of a gateway, and can be
 * taken down, made slow, made to fail (500) or to refuse messages (400).
 */
public final class FakeSmsGateway implements AutoCloseable {

    public enum Mode { UP, ERROR, REFUSE, SLOW }

    public record Sms(String key, String mobile, String signName, String content, String authorization) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final List<Sms> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Sms> accepted = Collections.synchronizedMap(new LinkedHashMap<>());
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final int port;
    private HttpServer server;
    private volatile Mode mode = Mode.UP;
    private volatile Duration slowness = Duration.ofSeconds(3);

    public FakeSmsGateway() {
        start(0);
        this.port = server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/sms/send";
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    public void slowness(Duration slowness) {
        this.slowness = slowness;
    }

    /** Nothing listens on the port: connections are refused. */
    public void down() {
        server.stop(0);
    }

    /** Back on the same port. */
    public void up() {
        mode = Mode.UP;
        start(port);
    }

    /** Every request that reached the gateway, repeats included. */
    public List<Sms> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The messages the gateway accepted for sending, each once. */
    public List<Sms> delivered() {
        synchronized (accepted) {
            return List.copyOf(accepted.values());
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void start(int onPort) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/sms/send", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            JsonNode body = json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Sms sms = new Sms(exchange.getRequestHeaders().getFirst("Idempotency-Key"), body.path("mobile").asText(),
                    body.path("signName").asText(), body.path("content").asText(),
                    exchange.getRequestHeaders().getFirst("Authorization"));
            requests.add(sms);
            switch (mode) {
                case ERROR -> respond(exchange, 500, "{\"message\":\"gateway internal error\"}");
                case REFUSE -> respond(exchange, 400, "{\"message\":\"invalid mobile\"}");
                case SLOW -> {
                    accepted.putIfAbsent(sms.key(), sms);
                    sleep(slowness);
                    respond(exchange, 200, "{\"status\":\"ACCEPTED\"}");
                }
                case UP -> {
                    boolean repeat = accepted.putIfAbsent(sms.key(), sms) != null;
                    respond(exchange, 200, repeat ? "{\"status\":\"DUPLICATE\"}" : "{\"status\":\"ACCEPTED\"}");
                }
            }
        } catch (IOException e) {
            exchange.close();
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
