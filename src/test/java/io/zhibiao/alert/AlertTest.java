package io.zhibiao.alert;

import static io.zhibiao.support.Api.eventually;
import static io.zhibiao.support.Api.json;
import static io.zhibiao.support.Api.problem;
import static io.zhibiao.support.Fixtures.aTarget;
import static io.zhibiao.support.Fixtures.anIndicator;
import static io.zhibiao.support.Fixtures.county;
import static io.zhibiao.support.Fixtures.orgUnit;
import static io.zhibiao.support.Fixtures.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Alerts (design §8) against real receivers: signed DingTalk robots, flaky and silent webhooks, an SMTP server. */
@QuarkusTest
class AlertTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Inject
    AlertDispatcher dispatcher;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void removeChannelsAndReceivers() throws Exception {
        List<Integer> ids = json().get("/api/v1/alert-channels").then().statusCode(200).extract().path("id");
        ids.forEach(id -> json().delete("/api/v1/alert-channels/{id}", id).then().statusCode(204));
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private Receiver dingTalk(String secret, java.util.function.IntFunction<Receiver.Answer> script)
            throws java.io.IOException {
        Receiver r = Receiver.dingTalk(secret, script);
        open.add(r);
        return r;
    }

    private Receiver webhook(String secret, java.util.function.IntFunction<Receiver.Answer> script)
            throws java.io.IOException {
        Receiver r = Receiver.webhook(secret, script);
        open.add(r);
        return r;
    }

    private static long channel(String type, String orgUnit, String url, String secret) {
        Map<String, Object> body = new java.util.HashMap<>(
                Map.of("name", "县局钉钉群", "type", type, "orgUnitCode", orgUnit, "url", url));
        if (secret != null) {
            body.put("secret", secret);
        }
        return json().body(body).post("/api/v1/alert-channels").then().statusCode(201)
                .body("hasSecret", equalTo(secret != null)).extract().jsonPath().getLong("id");
    }

    private static void subscribe(long channel, String orgUnit, String mode, String... events) {
        json().body(Map.of("channel", channel, "orgUnitCode", orgUnit, "events", List.of(events), "mode", mode))
                .post("/api/v1/alert-subscriptions").then().statusCode(201);
    }

    /** The year of the month the statuses are judged at (the last complete month), and a target over it. */
    private static String year() {
        return String.valueOf(YearMonth.now(SHANGHAI).minusMonths(1).getYear());
    }

    @Test
    void aSlippingTargetIsToldOnceSignedWithTheFiguresAndTheLinkAndAgainWhenBackOnTrack() throws Exception {
        String county = county();
        String school = orgUnit("SCHOOL", county);
        String training = anIndicator().with("name", "教师培训").create();
        String year = year();
        aTarget().forIndicator(training).at(county).period(year).value("1200").with("leadUnit", "师训股").create();
        put(training, school, year + "-01", "1200");
        Receiver robot = dingTalk("SECtest-secret", n -> Receiver.OK);
        long ch = channel("DINGTALK", county, robot.url(), "SECtest-secret");
        subscribe(ch, county, "IMMEDIATE", "TARGET_STATUS_CHANGED");
        // The achieved target is remembered without a message (nothing slipped).
        put(training, school, year + "-02", "0");
        Thread.sleep(800);
        assertThat(robot.requests()).isZero();

        long committed = System.currentTimeMillis();
        put(training, school, year + "-01", "10");
        eventually(5, "the DingTalk message", () -> robot.received.size() == 1);
        assertThat(robot.refusals).isEmpty();
        long latency = robot.received.get(0).at() - committed;
        assertThat(latency).as("commit → receiver, ms").isLessThan(3000);
        JsonPath message = JsonPath.from(robot.received.get(0).body());
        assertThat(message.getString("msgtype")).isEqualTo("markdown");
        assertThat(message.getString("markdown.title")).contains("目标状态变化");
        assertThat(message.getString("markdown.text")).contains("教师培训（" + year + "）", "已完成 → **落后**", "实际 10人次",
                "目标 1200人次", "差距", "师训股", "http://localhost:8080/board?orgUnit=" + county);

        // The same status again: no message.
        put(training, school, year + "-01", "11");
        put(training, school, year + "-01", "11");
        Thread.sleep(1200);
        assertThat(robot.received).hasSize(1);

        put(training, school, year + "-01", "1200");
        eventually(5, "back on track", () -> robot.received.size() == 2);
        assertThat(JsonPath.from(robot.received.get(1).body()).getString("markdown.text")).contains("落后 → **已完成**");
        json().queryParam("channel", ch).queryParam("status", "SENT").get("/api/v1/alert-deliveries").then()
                .statusCode(200).body("total", equalTo(2)).body("items[0].tries[0].outcome", equalTo("SENT"))
                .body("items[0].tries[0].answer", containsString("\"errcode\":0"));
    }

    @Test
    void aBulkImportThatMovesManyTargetsIsOneMessageAndARolledBackOneIsNone() throws Exception {
        String county = county();
        String school = orgUnit("SCHOOL", county);
        String year = year();
        List<String> indicators = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String code = anIndicator().with("name", "指标" + i).create();
            indicators.add(code);
            aTarget().forIndicator(code).at(county).period(year).value("100").create();
        }
        Receiver robot = dingTalk("SECbulk", n -> Receiver.OK);
        long ch = channel("DINGTALK", county, robot.url(), "SECbulk");
        subscribe(ch, county, "IMMEDIATE", "TARGET_STATUS_CHANGED");
        batch(indicators, school, year, "100").then().statusCode(200);
        Thread.sleep(1000);
        assertThat(robot.requests()).isZero();

        batch(indicators, school, year, "1").then().statusCode(200);
        eventually(5, "the message", () -> robot.received.size() == 1);
        Thread.sleep(1000);
        assertThat(robot.received).as("one message for one commit").hasSize(1);
        String text = JsonPath.from(robot.received.get(0).body()).getString("markdown.text");
        assertThat(text.lines().filter(l -> l.startsWith("- **")).count()).isEqualTo(30);

        // An atomic batch refused by one bad row rolls back: nothing changed, nothing told.
        List<Map<String, Object>> rows = new ArrayList<>(rows(indicators, school, year, "100"));
        rows.add(Map.of("indicatorCode", "no-such-indicator", "orgUnitCode", school, "period", year + "-01", "value",
                1));
        json().body(Map.of("observations", rows)).post("/api/v1/observations/batch").then().statusCode(409);
        Thread.sleep(1200);
        assertThat(robot.received).hasSize(1);
    }

    private static List<Map<String, Object>> rows(List<String> indicators, String school, String year, String value) {
        return indicators.stream().map(i -> Map.<String, Object>of("indicatorCode", i, "orgUnitCode", school, "period",
                year + "-01", "value", new java.math.BigDecimal(value))).toList();
    }

    private static io.restassured.response.Response batch(List<String> indicators, String school, String year,
            String value) {
        return json().body(Map.of("observations", rows(indicators, school, year, value)))
                .post("/api/v1/observations/batch");
    }

    @Test
    void submissionsValidationFailuresAndReadyReportsReachTheWebhookSigned() throws Exception {
        String county = county();
        String school = orgUnit("SCHOOL", county);
        String training = anIndicator().with("name", "教师培训").create();
        aTarget().forIndicator(training).at(county).period("2026").value("1200").create();
        json().body(Map.of("code", io.zhibiao.support.Api.unique("rule"), "name", "月培训不超过500", "orgUnitCode", county,
                "left", training, "operator", "<=", "right", "500", "severity", "WARN", "message", "请核对培训人次"))
                .post("/api/v1/validation-rules").then().statusCode(201);
        Receiver hook = webhook("k", n -> new Receiver.Answer(200, "ok"));
        long ch = channel("WEBHOOK", county, hook.url(), "k");
        subscribe(ch, county, "IMMEDIATE", "SUBMISSION_SUBMITTED", "SUBMISSION_APPROVED", "VALIDATION_FAILED",
                "REPORT_READY");

        put(training, school, "2026-03", "620");
        eventually(5, "the validation message", () -> hook.received.size() == 1);
        JsonPath failed = JsonPath.from(hook.received.get(0).body());
        assertThat(failed.getString("event")).isEqualTo("VALIDATION_FAILED");
        assertThat(failed.getString("text")).contains("月培训不超过500", "提醒", "620", "请核对培训人次");

        json().post("/api/v1/submissions/{u}/2026-03/submit", school).then().statusCode(200);
        eventually(5, "the submission message", () -> hook.received.size() == 2);
        assertThat(JsonPath.from(hook.received.get(1).body()).getString("text")).contains("2026-03", "已上报");
        json().post("/api/v1/submissions/{u}/2026-03/approve", school).then().statusCode(200);
        eventually(5, "the approval message", () -> hook.received.size() == 3);
        assertThat(JsonPath.from(hook.received.get(2).body()).getString("event")).isEqualTo("SUBMISSION_APPROVED");

        long report = json().body(Map.of("orgUnitCode", county, "period", "2026-03", "format", "html"))
                .post("/api/v1/reports").then().statusCode(202).extract().jsonPath().getLong("id");
        eventually(60, "the report message", () -> hook.received.size() == 4);
        JsonPath ready = JsonPath.from(hook.received.get(3).body());
        assertThat(ready.getString("event")).isEqualTo("REPORT_READY");
        assertThat(ready.getString("text")).contains("目标进展月报", "/api/v1/reports/" + report + "/file");
        assertThat(hook.refusals).as("every message signed").isEmpty();
    }

    @Test
    void aReceiverThatFailsTwiceGetsTheMessageOnTheThirdTryWithEveryTryListed() throws Exception {
        String county = county();
        Receiver flaky = webhook("hook-secret",
                n -> n <= 2 ? new Receiver.Answer(500, "busy") : new Receiver.Answer(200, "ok"));
        long ch = channel("WEBHOOK", county, flaky.url(), "hook-secret");
        json().post("/api/v1/alert-channels/{id}/test", ch).then().statusCode(200).body("status", equalTo("PENDING"))
                .body("tries[0].outcome", equalTo("ERROR")).body("tries[0].httpStatus", equalTo(500));
        eventually(10, "the third try", () -> "SENT".equals(json().queryParam("channel", ch)
                .get("/api/v1/alert-deliveries").then().extract().path("items[0].status")));
        json().queryParam("channel", ch).get("/api/v1/alert-deliveries").then().statusCode(200)
                .body("items[0].attempts", equalTo(3))
                .body("items[0].tries.httpStatus", equalTo(List.of(500, 500, 200)))
                .body("items[0].tries.outcome", equalTo(List.of("ERROR", "ERROR", "SENT")));
        assertThat(flaky.refusals).as("every try signed").isEmpty();
        JsonPath event = JsonPath.from(flaky.received.get(2).body());
        assertThat(event.getString("event")).isEqualTo("TEST");
        assertThat(event.getString("text")).contains("测试消息");
    }

    @Test
    void aReceiverThatNeverAnswersIsATimeoutAndAThrottledRobotIsTriedAgainAfterAMinute() throws Exception {
        String county = county();
        Receiver silent = webhook("s", n -> new Receiver.Answer(-1, ""));
        long quiet = channel("WEBHOOK", county, silent.url(), "s");
        json().post("/api/v1/alert-channels/{id}/test", quiet).then().statusCode(200).body("status", equalTo("PENDING"))
                .body("tries[0].outcome", equalTo("ERROR")).body("tries[0].answer", equalTo("no answer within 2 s"));

        Receiver busy = dingTalk("SECbusy",
                n -> n == 1
                        ? new Receiver.Answer(200,
                                "{\"errcode\":90030,\"errmsg\":\"send too fast, exceed 20 times per minute\"}")
                        : Receiver.OK);
        long robot = channel("DINGTALK", county, busy.url(), "SECbusy");
        JsonPath answer = json().post("/api/v1/alert-channels/{id}/test", robot).then().statusCode(200)
                .body("status", equalTo("PENDING")).body("tries[0].outcome", equalTo("THROTTLED")).extract().jsonPath();
        assertThat(java.time.OffsetDateTime.parse(answer.getString("nextAttemptAt")))
                .isAfter(java.time.OffsetDateTime.now().plusSeconds(50));
        assertThat(busy.refusals).isEmpty();
    }

    @Test
    void eMailGoesThroughTheSmtpServer() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(39025, "127.0.0.1", "smtp"));
        smtp.start();
        open.add(smtp::stop);
        String county = county();
        long ch = channel("EMAIL", county, "mailto:leader@example.cn, office@example.cn", null);
        json().post("/api/v1/alert-channels/{id}/test", ch).then().statusCode(200).body("status", equalTo("SENT"));
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(2);
        assertThat(mails[0].getSubject()).isEqualTo("指标：测试消息");
        // Decoded by hand: getContent() goes through an activation mailcap that names javax handlers.
        String body = new String(jakarta.mail.internet.MimeUtility
                .decode(mails[0].getRawInputStream(), mails[0].getEncoding()).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(body).contains("测试消息");
        assertThat(mails[0].getAllRecipients()).extracting(Object::toString)
                .containsExactlyInAnyOrder("leader@example.cn", "office@example.cn");
    }

    @Test
    void theDailyDigestAtEightListsTheLateSchools() throws Exception {
        String county = county();
        String early = orgUnit("SCHOOL", county);
        String late = orgUnit("SCHOOL", county);
        String training = anIndicator().with("name", "教师培训").create();
        YearMonth month = YearMonth.now(SHANGHAI);
        aTarget().forIndicator(training).at(county).period(String.valueOf(month.getYear())).value("1200").create();
        put(training, early, month.toString(), "10");
        Receiver robot = dingTalk("SECdigest", n -> Receiver.OK);
        long ch = channel("DINGTALK", county, robot.url(), "SECdigest");
        json().body(Map.of("channel", ch, "orgUnitCode", county, "events", List.of("FIGURES_OVERDUE"), "mode",
                "DAILY_DIGEST", "digestHour", 8)).post("/api/v1/alert-subscriptions").then().statusCode(201);
        // The 10th of next month at 08:00: this month's figures were due on the 5th.
        LocalDate day = month.plusMonths(1).atDay(10);
        dispatcher.digests(ZonedDateTime.of(day.atTime(7, 59), SHANGHAI));
        Thread.sleep(500);
        assertThat(robot.requests()).as("not before the hour").isZero();
        dispatcher.digests(ZonedDateTime.of(day.atTime(8, 0), SHANGHAI));
        eventually(5, "the digest", () -> robot.received.size() == 1);
        String text = JsonPath.from(robot.received.get(0).body()).getString("markdown.text");
        assertThat(text).contains("逾期未报（" + month + "）", "测试" + late, "教师培训").doesNotContain("测试" + early + "：");
        dispatcher.digests(ZonedDateTime.of(day.atTime(9, 0), SHANGHAI));
        Thread.sleep(500);
        assertThat(robot.received).as("once a day").hasSize(1);
    }

    @Test
    void secretsAreWriteOnlyAndBadChannelsSubscriptionsAndSchedulesAreProblemsNamingTheField() {
        String county = county();
        long ch = channel("DINGTALK", county, "https://oapi.dingtalk.com/robot/send?access_token=abcdef123456",
                "SECsupersecret");
        String one = json().get("/api/v1/alert-channels/{id}", ch).then().statusCode(200)
                .body("url", equalTo("https://oapi.dingtalk.com/robot/send?access_token=…3456")).extract().asString();
        String all = json().get("/api/v1/alert-channels").then().statusCode(200).extract().asString();
        assertThat(one + all).doesNotContain("SECsupersecret").doesNotContain("abcdef123456");

        Map<String, Object> good = Map.of("name", "群", "type", "WEBHOOK", "orgUnitCode", county, "url",
                "https://example.cn/hook", "secret", "k");
        assertField(with(good, "url", "ftp://example.cn/hook"), "url");
        assertField(with(good, "url", "javascript:alert(1)"), "url");
        assertField(with(good, "type", "SMS"), "type");
        assertField(Map.of("name", "群", "type", "DINGTALK", "orgUnitCode", county, "url",
                "https://oapi.dingtalk.com/robot/send?access_token=x"), "secret");
        assertField(Map.of("name", "群", "type", "EMAIL", "orgUnitCode", county, "url", "mailto:not-an-address"), "url");
        assertField(with(good, "orgUnitCode", "no-such-unit"), "orgUnitCode");
        assertField(with(good, "name", "a\nb"), "name");

        json().body(Map.of("channel", ch, "orgUnitCode", county, "events", List.of("EVERYTHING")))
                .post("/api/v1/alert-subscriptions").then().spec(problem(400, "validation_failed"))
                .body("errors[0].field", equalTo("events[0]"));
        json().body(Map.of("channel", ch, "orgUnitCode", county, "events", List.of("REPORT_READY"), "digestHour", 24))
                .post("/api/v1/alert-subscriptions").then().spec(problem(400, "validation_failed"))
                .body("errors[0].field", equalTo("digestHour"));
        json().body(Map.of("channel", 987_654_321, "orgUnitCode", county, "events", List.of("REPORT_READY")))
                .post("/api/v1/alert-subscriptions").then().spec(problem(400, "validation_failed"))
                .body("errors[0].field", equalTo("channel"));
        json().body(Map.of("orgUnitCode", county, "dayOfMonth", 32, "channel", ch)).post("/api/v1/report-schedules")
                .then().spec(problem(400, "validation_failed")).body("errors[0].field", equalTo("dayOfMonth"));
        json().body(Map.of("orgUnitCode", county, "dayOfMonth", 6, "channel", ch, "format", "docx"))
                .post("/api/v1/report-schedules").then().spec(problem(400, "validation_failed"))
                .body("errors[0].field", equalTo("format"));
        json().body(Map.of("orgUnitCode", county, "dayOfMonth", 31, "channel", ch, "periodType", "QUARTER"))
                .post("/api/v1/report-schedules").then().statusCode(201).body("periodType", equalTo("QUARTER"))
                .body("format", equalTo("pdf"));
        json().queryParam("status", "LOST").get("/api/v1/alert-deliveries").then().spec(problem(400));
        json().delete("/api/v1/alert-channels/{id}", 987_654_321L).then().spec(problem(404, "not_found"));
        json().get("/api/v1/alert-channels/{id}", ch).then().body("url", not(containsString("abcdef")));
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new java.util.HashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    private static void assertField(Map<String, Object> body, String field) {
        json().body(body).post("/api/v1/alert-channels").then().spec(problem(400, "validation_failed"))
                .body("errors.field", org.hamcrest.Matchers.hasItem(field));
    }
}
