package io.zhibiao.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.zhibiao.common.ZhibiaoConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends one message to one channel, exactly as each receiver wants it (design §8), and says how it went. Never logs a
 * secret or a signed URL.
 */
@ApplicationScoped
public class AlertSender {

    /** DingTalk: "send too fast" (90030) and the robot's minute limit (130101); WeCom: api freq out of limit (45009). */
    static final java.util.Set<Integer> THROTTLE_CODES = java.util.Set.of(90030, 130101, 45009);
    static final int WECOM_MAX_BYTES = 4096;

    /** How a try ended, with what the receiver answered (cut to 1000 characters). */
    public record Result(AlertAttempt.Outcome outcome, Integer httpStatus, String answer) {
    }

    /** What is sent: a title, the Chinese markdown, and the event as data for webhooks. */
    public record Message(String event, String title, String markdown) {
    }

    @Inject
    ZhibiaoConfig config;

    @Inject
    ObjectMapper mapper;

    @Inject
    Mailer mailer;

    @Inject
    Clock clock;

    /**
     * Made with the bean, not with its field: ArC's client proxy is a subclass of this class, so a field initializer
     * would run for the proxy too, at start-up — and an HTTP client opens a selector thread and loads TLS (some 400
     * classes) that a service which sends no alert never needs.
     */
    private HttpClient http;

    @PostConstruct
    void open() {
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public Result send(AlertChannel channel, Message message) {
        try {
            return switch (channel.type) {
                case DINGTALK -> dingTalk(channel, message);
                case WECOM -> weCom(channel, message);
                case WEBHOOK -> webhook(channel, message);
                case EMAIL -> email(channel, message);
            };
        } catch (java.net.http.HttpTimeoutException e) {
            return new Result(AlertAttempt.Outcome.ERROR, null,
                    "no answer within " + config.alerts().timeout().toSeconds() + " s");
        } catch (IOException e) {
            return new Result(AlertAttempt.Outcome.ERROR, null, cut("could not reach the receiver: " + e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(AlertAttempt.Outcome.ERROR, null, "interrupted");
        } catch (RuntimeException e) {
            return new Result(AlertAttempt.Outcome.ERROR, null,
                    cut(e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    private Result dingTalk(AlertChannel channel, Message message) throws IOException, InterruptedException {
        long timestamp = clock.millis();
        String url = channel.url + (channel.url.contains("?") ? "&" : "?") + "timestamp=" + timestamp + "&sign="
                + URLEncoder.encode(dingTalkSign(channel.secret, timestamp), StandardCharsets.UTF_8);
        ObjectNode body = mapper.createObjectNode().put("msgtype", "markdown");
        body.putObject("markdown").put("title", message.title()).put("text", message.markdown());
        return robot(post(url, mapper.writeValueAsString(body), null));
    }

    /** base64(HmacSHA256(secret, timestamp + "\n" + secret)), as DingTalk's robot API requires (not yet URL-encoded). */
    static String dingTalkSign(String secret, long timestamp) {
        return Base64.getEncoder().encodeToString(hmac(secret, timestamp + "\n" + secret));
    }

    private Result weCom(AlertChannel channel, Message message) throws IOException, InterruptedException {
        ObjectNode body = mapper.createObjectNode().put("msgtype", "markdown");
        body.putObject("markdown").put("content", utf8Prefix(message.markdown(), WECOM_MAX_BYTES));
        return robot(post(channel.url, mapper.writeValueAsString(body), null));
    }

    private Result webhook(AlertChannel channel, Message message) throws IOException, InterruptedException {
        ObjectNode body = mapper.createObjectNode().put("event", message.event()).put("title", message.title())
                .put("text", message.markdown()).put("channel", channel.name);
        String json = mapper.writeValueAsString(body);
        long t = clock.millis() / 1000;
        String signature = "t=" + t + ",v1=" + HexFormat.of().formatHex(hmac(channel.secret, t + "." + json));
        HttpResponse<String> answer = post(channel.url, json, signature);
        boolean ok = answer.statusCode() / 100 == 2;
        return new Result(
                ok
                        ? AlertAttempt.Outcome.SENT
                        : answer.statusCode() == 429 ? AlertAttempt.Outcome.THROTTLED : AlertAttempt.Outcome.ERROR,
                answer.statusCode(), cut(answer.body()));
    }

    private Result email(AlertChannel channel, Message message) {
        String[] to = Arrays.stream(channel.url.substring("mailto:".length()).split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toArray(String[]::new);
        Mail mail = Mail.withText(to[0], message.title(), message.markdown());
        for (int i = 1; i < to.length; i++) {
            mail.addTo(to[i]);
        }
        mailer.send(mail);
        return new Result(AlertAttempt.Outcome.SENT, null,
                "accepted by the SMTP server for " + to.length + " recipient(s)");
    }

    private HttpResponse<String> post(String url, String json, String signature)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(config.alerts().timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (signature != null) {
            request.header("X-Zhibiao-Signature", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A robot answers 200 with {"errcode": 0} when it took the message; another errcode is its refusal. */
    private Result robot(HttpResponse<String> answer) {
        String text = cut(answer.body());
        if (answer.statusCode() / 100 != 2) {
            return new Result(answer.statusCode() == 429 ? AlertAttempt.Outcome.THROTTLED : AlertAttempt.Outcome.ERROR,
                    answer.statusCode(), text);
        }
        try {
            JsonNode json = mapper.readTree(answer.body());
            int code = json.path("errcode").asInt(-1);
            if (code == 0) {
                return new Result(AlertAttempt.Outcome.SENT, answer.statusCode(), text);
            }
            return new Result(
                    THROTTLE_CODES.contains(code) ? AlertAttempt.Outcome.THROTTLED : AlertAttempt.Outcome.ERROR,
                    answer.statusCode(), text);
        } catch (IOException | RuntimeException e) {
            return new Result(AlertAttempt.Outcome.ERROR, answer.statusCode(), cut("not a robot's answer: " + text));
        }
    }

    static byte[] hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The longest prefix of whole characters that fits in the bytes (WeCom refuses longer markdown). */
    static String utf8Prefix(String text, int maxBytes) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= maxBytes) {
            return text;
        }
        int end = text.length();
        String marker = "\n…";
        int budget = maxBytes - marker.getBytes(StandardCharsets.UTF_8).length;
        while (end > 0 && text.substring(0, end).getBytes(StandardCharsets.UTF_8).length > budget) {
            end = Math.max(0,
                    end - Math.max(1, (text.substring(0, end).getBytes(StandardCharsets.UTF_8).length - budget) / 3));
        }
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + marker;
    }

    private static String cut(String text) {
        if (text == null) {
            return null;
        }
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}
