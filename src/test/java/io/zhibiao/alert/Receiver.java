package io.zhibiao.alert;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A local HTTP receiver for alert tests, written from the receivers' own documentation rather than from our sender: a
 * DingTalk robot that checks {@code timestamp} (within an hour, in milliseconds) and {@code sign} and answers like
 * DingTalk ({@code {"errcode":0,"errmsg":"ok"}}, 310000 for a bad signature, 90030 when told to throttle); a webhook
 * that checks X-Zhibiao-Signature; scripted answers (500 then 200) and one that never answers.
 */
final class Receiver implements AutoCloseable {

    /** A request as received: path and query, headers of interest, body. */
    record Received(String query, String signatureHeader, String body, long at) {
    }

    /** What to answer to the n-th request (1-based): status and body; a negative status never answers. */
    record Answer(int status, String body) {
    }

    private final HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final List<String> refusals = new CopyOnWriteArrayList<>();
    private final AtomicInteger count = new AtomicInteger();

    private Receiver(String secret, boolean dingTalk, IntFunction<Answer> script) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String query = exchange.getRequestURI().getRawQuery();
            String signature = exchange.getRequestHeaders().getFirst("X-Zhibiao-Signature");
            int n = count.incrementAndGet();
            Answer answer = script.apply(n);
            String refusal = dingTalk
                    ? checkDingTalk(secret, query)
                    : secret == null ? null : checkWebhook(secret, signature, body);
            if (refusal != null) {
                refusals.add(refusal);
                answer = dingTalk
                        ? new Answer(200, "{\"errcode\":310000,\"errmsg\":\"" + refusal + "\"}")
                        : new Answer(401, refusal);
            } else {
                received.add(new Received(query, signature, body, System.currentTimeMillis()));
            }
            if (answer.status() < 0) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
                return;
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    static final Answer OK = new Answer(200, "{\"errcode\":0,\"errmsg\":\"ok\"}");

    static Receiver dingTalk(String secret, IntFunction<Answer> script) throws IOException {
        return new Receiver(secret, true, script);
    }

    static Receiver webhook(String secret, IntFunction<Answer> script) throws IOException {
        return new Receiver(secret, false, script);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/robot/send?access_token=test0d3c5a7e";
    }

    int requests() {
        return count.get();
    }

    /** DingTalk: timestamp in ms within an hour of now; sign = urlencode(base64(HmacSHA256(secret, ts\nsecret))). */
    private static String checkDingTalk(String secret, String query) {
        Map<String, String> q = query == null
                ? Map.of()
                : java.util.Arrays.stream(query.split("&")).map(p -> p.split("=", 2)).filter(p -> p.length == 2)
                        .collect(Collectors.toMap(p -> p[0], p -> p[1], (a, b) -> b));
        if (!q.containsKey("timestamp") || !q.containsKey("sign")) {
            return "sign not match: timestamp and sign are required";
        }
        long ts;
        try {
            ts = Long.parseLong(q.get("timestamp"));
        } catch (NumberFormatException e) {
            return "timestamp is not a number";
        }
        if (Math.abs(System.currentTimeMillis() - ts) > 3_600_000L) {
            return "timestamp outside the hour allowed";
        }
        String expected = Base64.getEncoder().encodeToString(hmac(secret, ts + "\n" + secret));
        String given = URLDecoder.decode(q.get("sign"), StandardCharsets.UTF_8);
        return expected.equals(given) ? null : "sign not match";
    }

    private static String checkWebhook(String secret, String header, String body) {
        if (header == null || !header.matches("t=\\d+,v1=[0-9a-f]{64}")) {
            return "X-Zhibiao-Signature missing or malformed: " + header;
        }
        String t = header.substring(2, header.indexOf(','));
        String v1 = header.substring(header.indexOf("v1=") + 3);
        if (Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(t)) > 300) {
            return "signature too old";
        }
        String expected = HexFormat.of().formatHex(hmac(secret, t + "." + body));
        return expected.equals(v1) ? null : "signature does not match";
    }

    private static byte[] hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> bodies() {
        List<String> out = new ArrayList<>();
        received.forEach(r -> out.add(r.body()));
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
