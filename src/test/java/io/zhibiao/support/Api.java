package io.zhibiao.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.builder.ResponseSpecBuilder;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.restassured.specification.ResponseSpecification;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;

/** Shared helpers for the API tests: JSON requests, unique codes, exact numeric matching. */
public final class Api {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36);

    private Api() {
    }

    /** The bootstrap admin token of the test profile: sees and may change everything. */
    public static final String ADMIN_TOKEN = "test-admin-token";

    /** A JSON request as the all-scope admin. */
    public static RequestSpecification json() {
        return as(ADMIN_TOKEN);
    }

    /** A JSON request carrying {@code token}, or no Authorization header when it is null. */
    public static RequestSpecification as(String token) {
        // REST Assured would add "charset=ISO-8859-1" to text types; the bodies tests send are UTF-8, as clerks' are.
        RequestSpecBuilder spec = new RequestSpecBuilder().setContentType(ContentType.JSON).setAccept(ContentType.JSON)
                .setConfig(RestAssured.config().encoderConfig(
                        EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)));
        if (token != null) {
            spec.addHeader("Authorization", "Bearer " + token);
        }
        return given().spec(spec.addFilter(SpecConformance.INSTANCE).build());
    }

    /** Creates a token through the API and returns its secret. */
    public static String token(String role, String orgUnitCode) {
        return json()
                .body(Map.of("name", unique("token-" + role.toLowerCase()), "role", role, "orgUnitCode", orgUnitCode))
                .post("/api/v1/tokens").then().statusCode(201).extract().path("token");
    }

    /** A code no other test uses, so tests can share one database in any order. */
    public static String unique(String prefix) {
        return prefix + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
    }

    /**
     * A counter's value from /q/metrics ({@code series} as Prometheus writes it, labels included); 0 before it first
     * counts. Read over HTTP so that the same check runs against the packaged jar.
     */
    public static double counter(String series) {
        String metrics = RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        java.util.regex.Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.E+-]+)$")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static final Map<Integer, String> CODES = Map.of(400, "validation_failed", 401, "unauthorized", 403,
            "forbidden", 404, "not_found", 405, "method_not_allowed", 406, "not_acceptable", 409, "conflict", 412,
            "precondition_failed", 413, "payload_too_large", 415, "unsupported_media_type");

    /**
     * What an error answer must be: the status, application/problem+json, and the stable code of
     * that status.
     */
    public static ResponseSpecification problem(int status) {
        return problem(status, CODES.get(status));
    }

    public static ResponseSpecification problem(int status, String code) {
        return new ResponseSpecBuilder().expectStatusCode(status).expectContentType("application/problem+json")
                .expectBody("code", equalTo(code)).build();
    }

    /**
     * Matches a JSON number that equals {@code expected} exactly in value (2.5 matches 2.5 and
     * 2.50).
     */
    public static Matcher<Object> num(String expected) {
        BigDecimal want = new BigDecimal(expected);
        return new BaseMatcher<>() {

            @Override
            public boolean matches(Object actual) {
                return actual instanceof Number n && new BigDecimal(n.toString()).compareTo(want) == 0;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("the number " + expected);
            }
        };
    }

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();

    }

    /** Waits until the condition holds (background work: a report, an alert), failing after {@code seconds}. */
    public static void eventually(int seconds, String what, java.util.function.BooleanSupplier condition) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + seconds + " s: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
    }
}
