package io.zhibiao.web;

import static io.zhibiao.support.Api.ADMIN_TOKEN;
import static io.zhibiao.support.Api.json;
import static io.zhibiao.support.Api.token;
import static io.zhibiao.support.Api.unique;
import static io.zhibiao.support.Fixtures.aTarget;
import static io.zhibiao.support.Fixtures.anIndicator;
import static io.zhibiao.support.Fixtures.orgUnit;
import static io.zhibiao.support.Fixtures.put;
import static io.zhibiao.support.Fixtures.putMonths;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The three pages in a real browser (Debian's chromium, headless, through chromedriver) against the packaged jar:
 * the numbers a person sees must be the API's. Screenshots go to target/screenshots/. Skipped only where chromium
 * or chromedriver is not installed (.ci/run installs both).
 */
@QuarkusIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target/screenshots");
    private static final Path DOWNLOADS = Path.of("target/downloads");

    private static WebDriver browser;
    private static WebDriverWait wait;
    private static String county;
    private static String school1;
    private static String school2;
    private static String rate;
    private static String training;
    private static String passed;

    @BeforeAll
    static void startBrowser() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        Files.createDirectories(SHOTS);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toString()).addArguments("--headless=new",
                "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=zh-CN");
        Files.createDirectories(DOWNLOADS);
        options.setExperimentalOption("prefs", Map.of("download.default_directory",
                DOWNLOADS.toAbsolutePath().toString(), "download.prompt_for_download", false));
        browser = new ChromeDriver(
                new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        // The board re-renders its rows when a change arrives: a row found just before that is stale, look again.
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** A county whose targets roll up from three schools: the acceptance example of the roll-ups issue. */
    private static void county() {
        if (county != null) {
            return;
        }
        county = orgUnit("COUNTY", null);
        school1 = orgUnit("SCHOOL", county);
        school2 = orgUnit("SCHOOL", county);
        String school3 = orgUnit("SCHOOL", county);
        String sat = anIndicator().aggregation("LAST").create();
        passed = anIndicator().aggregation("LAST").create();
        rate = anIndicator().percent().aggregation("LAST").with("name", "本科上线率")
                .with("formula", Map.of("numerator", passed, "denominator", sat)).create();
        training = anIndicator().with("name", "教师培训").create();
        aTarget().forIndicator(rate).at(county).period("2025").value("60").create();
        aTarget().forIndicator(training).at(county).period("2025").value("9200").milestone("2025-H1", "4600").create();
        String[][] figures = {{school1, "58", "120"}, {school2, "210", "300"}, {school3, "31", "80"}};
        for (String[] f : figures) {
            put(passed, f[0], "2025-06", f[1]);
            put(sat, f[0], "2025-06", f[2]);
            putMonths(training, f[0], 2025, 1, 5, "300");
        }
    }

    private static void open(String path) {
        // RestAssured points at the packaged jar once Quarkus has started it, after @BeforeAll.
        browser.get(RestAssured.baseURI + ":" + RestAssured.port + path);
    }

    private static void signIn(String token) {
        List<WebElement> out = browser.findElements(By.id("sign-out"));
        if (!out.isEmpty()) {
            out.get(0).click();
        }
        wait.until(ExpectedConditions.elementToBeClickable(By.id("token"))).sendKeys(token);
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in")));
    }

    private static void screenshot(String name) throws IOException {
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private static WebElement row(String indicator) {
        return wait.until(ExpectedConditions
                .presenceOfElementLocated(By.cssSelector("#rows tbody tr[data-indicator='" + indicator + "']")));
    }

    /** What the page shows for a number, as a decimal (the page groups thousands and keeps two decimals). */
    private static BigDecimal shown(WebElement cell) {
        java.util.regex.Matcher number = java.util.regex.Pattern.compile("-?[0-9][0-9,]*(\\.[0-9]+)?")
                .matcher(cell.getText());
        assertThat(number.find()).as("a number in '%s'", cell.getText()).isTrue();
        return new BigDecimal(number.group().replace(",", ""));
    }

    private static BigDecimal twoDecimals(Object apiValue) {
        return new BigDecimal(String.valueOf(apiValue)).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    private static JsonPath dashboard() {
        return json().queryParam("orgUnit", county).queryParam("period", "2025").queryParam("asOf", "2025-06")
                .get("/api/v1/dashboard").then().statusCode(200).extract().jsonPath();
    }

    @Test
    @Order(1)
    void theBoardShowsTheApisNumbersAndDrillsIntoTheSchools() throws IOException {
        county();
        open("/board?orgUnit=" + county + "&period=2025&asOf=2025-06");
        signIn(ADMIN_TOKEN);
        // First load, signed in: measured, not asserted (issue 16 asks < 1 s; the closing note reports it).
        long started = System.nanoTime();
        open("/board?orgUnit=" + county + "&period=2025&asOf=2025-06");
        row(rate);
        long millis = (System.nanoTime() - started) / 1_000_000;
        Files.writeString(SHOTS.resolve("board-first-load-ms.txt"), millis + "\n");

        JsonPath api = dashboard();
        for (String indicator : List.of(rate, training)) {
            Map<String, Object> expected = api.getMap("targets.find { it.indicatorCode == '" + indicator + "' }");
            WebElement row = row(indicator);
            assertThat(shown(row.findElement(By.cssSelector(".actual")))).as("actual of %s", indicator)
                    .isEqualByComparingTo(twoDecimals(expected.get("actual")));
            assertThat(shown(row.findElement(By.cssSelector(".gap")))).as("gap of %s", indicator)
                    .isEqualByComparingTo(twoDecimals(expected.get("gap")));
            assertThat(row.findElement(By.cssSelector(".coverage")).getText()).isEqualTo("3/3 个下级已报");
        }
        // Σ passed / Σ sat: 299 / 500 × 100, not the mean of the school rates.
        assertThat(shown(row(rate).findElement(By.cssSelector(".actual")))).isEqualByComparingTo("59.8");
        assertThat(browser.findElement(By.cssSelector("#count-total b")).getText())
                .isEqualTo(String.valueOf(api.getInt("counts.total")));

        row(rate).findElement(By.cssSelector("button.drill")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#ranking-table tbody tr"), 3));
        JsonPath ranking = json().queryParam("indicator", rate).queryParam("parent", county)
                .queryParam("type", "SCHOOL").queryParam("period", "2025").queryParam("asOf", "2025-06")
                .get("/api/v1/rankings").then().statusCode(200).extract().jsonPath();
        List<WebElement> ranked = browser.findElements(By.cssSelector("#ranking-table tbody tr"));
        for (int i = 0; i < 3; i++) {
            assertThat(ranked.get(i).getAttribute("data-org-unit"))
                    .isEqualTo(ranking.getString("items[" + i + "].orgUnitCode"));
            assertThat(shown(ranked.get(i).findElement(By.cssSelector(".value"))))
                    .isEqualByComparingTo(twoDecimals(ranking.getString("items[" + i + "].value")));
        }
        screenshot("board");

        ranked.get(0).findElement(By.cssSelector("a.drill-down")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("up")));
        assertThat(browser.getCurrentUrl()).contains("orgUnit=" + ranking.getString("items[0].orgUnitCode"));
        browser.findElement(By.id("up")).click();
        row(rate);
        assertThat(browser.getCurrentUrl()).contains("orgUnit=" + county);
    }

    @Test
    @Order(2)
    void aFigurePostedElsewhereShowsUpWithoutAReload() throws IOException {
        county();
        open("/board?orgUnit=" + county + "&period=2025&asOf=2025-06");
        BigDecimal before = shown(row(rate).findElement(By.cssSelector(".actual")));
        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");
        // Following the stream: 实时更新中 until a change arrives, 已更新 hh:mm:ss after one (an earlier write may come
        // first), either way the page is listening.
        wait.until(ExpectedConditions.or(ExpectedConditions.textToBePresentInElementLocated(By.id("live"), "实时"),
                ExpectedConditions.textToBePresentInElementLocated(By.id("live"), "已更新")));

        put(passed, school1, "2025-06", "98"); // 339 / 500 → 67.8
        BigDecimal expected = twoDecimals(
                dashboard().getString("targets.find { it.indicatorCode == '" + rate + "' }.actual"));
        assertThat(expected).isNotEqualByComparingTo(before);
        wait.until(d -> shown(row(rate).findElement(By.cssSelector(".actual"))).compareTo(expected) == 0);
        assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true;")).isEqualTo(true);
        screenshot("board-live");
    }

    @Test
    @Order(3)
    void aClerkFillsTheMonthWithTheKeyboardAndSeesImportProblems() throws IOException {
        county();
        String clerk = token("CLERK", school1);
        open("/entry?orgUnit=" + school1 + "&period=2025-06");
        signIn(clerk);
        open("/entry?orgUnit=" + school1 + "&period=2025-06"); // as the clerk from the first request on
        // Last month's figure beside the input: the clerk's form has loaded.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#rows tbody tr[data-indicator='" + training + "'] .previous"), "300"));
        WebElement input = browser
                .findElement(By.cssSelector("#rows tbody tr[data-indicator='" + training + "'] input.value"));
        input.click();
        input.sendKeys("412", Keys.TAB, "培训周", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "已全部保存"));
        assertThat(json().get("/api/v1/observations/{i}/{o}/{p}", training, school1, "2025-06").then().statusCode(200)
                .extract().jsonPath().getString("value")).isEqualTo("412");
        screenshot("entry");

        // Another school's form: the API's 404, as a sentence.
        open("/entry?orgUnit=" + school2 + "&period=2025-06");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "找不到单位"));

        // An upload with one bad row: that row's message, the good row written.
        open("/entry?orgUnit=" + school1 + "&period=2025-07");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rows tbody tr")));
        Path csv = Files.createTempFile("zhibiao-upload-", ".csv");
        Files.writeString(csv, "indicatorCode,orgUnitCode,period,value\n" + training + "," + school1 + ",2025-07,310\n"
                + training + "," + school1 + ",2025-08,十二\n", StandardCharsets.UTF_8);
        browser.findElement(By.id("upload")).sendKeys(csv.toAbsolutePath().toString());
        WebElement problem = wait
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#import-rows tbody tr.conflict")));
        assertThat(problem.getText()).contains("2").contains("value");
        assertThat(browser.findElement(By.id("import-summary")).getText()).contains("新增 1").contains("拒绝 1");
        screenshot("entry-upload");
    }

    @Test
    @Order(4)
    void aPlanIsReviewedAcceptedAndSeenOnTheBoard() throws IOException {
        county();
        open("/plans/review");
        signIn(ADMIN_TOKEN);
        // 𪨶 lies outside the BMP: one code point for the API's offsets, two UTF-16 units for JavaScript.
        String plan = "2026年教育工作要点\n<script>window.injected = true</script>\n一、教师队伍（𪨶溪学区）\n1.完成教师培训9200人次。\n"
                + "2.本科上线率达到75.3%，比2025年增加10个百分点。\n";
        browser.findElement(By.id("org-unit")).sendKeys(county);
        browser.findElement(By.id("period")).sendKeys("2026");
        browser.findElement(By.id("title")).sendKeys("2026年工作要点");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('text').value = arguments[0];", plan);
        browser.findElement(By.id("extract")).click();
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#candidates tbody tr"), 1));
        // The markup in the plan is text on the page, never a script.
        assertThat(browser.findElement(By.id("highlighted")).getText()).contains("<script>");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.injected === true;")).isEqualTo(false);
        assertThat(browser.findElements(By.cssSelector("#highlighted mark"))).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(mark -> assertThat(mark.getText()).as("a mark starts at its figure").matches("^[0-9].*"));

        List<WebElement> candidates = browser.findElements(By.cssSelector("#candidates tbody tr"));
        for (WebElement candidate : candidates.subList(0, 2)) {
            candidate.findElement(By.cssSelector("input.pick")).click();
            candidate.findElement(By.cssSelector("select.indicator")).sendKeys("新建指标");
            candidate.findElement(By.cssSelector("input.new-code")).sendKeys(unique("plan-ind"));
        }
        screenshot("review");
        browser.findElement(By.id("accept")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("to-board"))).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#rows tbody tr[data-target-id]"), 2));
        assertThat(browser.getCurrentUrl()).contains("orgUnit=" + county).contains("period=2026");
        screenshot("board-from-plan");
    }

    @Test
    @Order(5)
    void aBoardOf200TargetsOpensAndFitsAPhoneAndAProjector() throws IOException {
        county();
        String big = orgUnit("COUNTY", null);
        String school = orgUnit("SCHOOL", big);
        for (int i = 0; i < 200; i++) {
            String indicator = anIndicator().with("name", "指标" + i).create();
            aTarget().forIndicator(indicator).at(big).period("2025").value(String.valueOf(1000 + i)).create();
            if (i % 4 == 0) {
                put(indicator, school, "2025-03", String.valueOf(200 + i));
            }
        }
        open("/board?orgUnit=" + big + "&period=2025&asOf=2025-06");
        signIn(ADMIN_TOKEN);
        long started = System.nanoTime();
        open("/board?orgUnit=" + big + "&period=2025&asOf=2025-06");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#rows tbody tr[data-target-id]"), 200));
        long millis = (System.nanoTime() - started) / 1_000_000;
        Files.writeString(SHOTS.resolve("board-200-targets-ms.txt"), millis + "\n");
        // Still responsive: a click on the last row opens its chart and ranking.
        List<WebElement> rows = browser.findElements(By.cssSelector("#rows tbody tr[data-target-id]"));
        rows.get(199).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ranking-title"), "指标"));

        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        // The goal of issue 31: the 200-target board renders in under a second on a phone, without sideways scrolling.
        long phoneStarted = System.nanoTime();
        open("/board?orgUnit=" + big + "&period=2025&asOf=2025-06");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#rows tbody tr[data-target-id]"), 200));
        Files.writeString(SHOTS.resolve("board-200-targets-390px-ms.txt"),
                (System.nanoTime() - phoneStarted) / 1_000_000 + "\n");
        fitsTheWindow("the 200-target board at 390 px");
        open("/board?orgUnit=" + county + "&period=2025&asOf=2025-06");
        row(rate);
        fitsTheWindow("the board at 390 px");
        screenshot("board-phone");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1920, 1080));
        open("/board?orgUnit=" + county + "&period=2025&asOf=2025-06&large=1");
        row(rate);
        assertThat(browser.findElement(By.tagName("body")).getAttribute("class")).contains("large");
        screenshot("board-large");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
    }

    /** Issue 30: revoking a clerk's token ends its open board's stream, and the board says the sign-in ended. */
    @Test
    @Order(6)
    void aRevokedTokensBoardSaysItsSignInEnded() throws IOException {
        county();
        var created = json()
                .body(Map.of("name", io.zhibiao.support.Api.unique("board"), "role", "VIEWER", "orgUnitCode", county))
                .post("/api/v1/tokens").then().statusCode(201).extract();
        open("/board?orgUnit=" + county + "&period=2025&asOf=2025-06");
        signIn(created.path("token"));
        open("/board?orgUnit=" + county + "&period=2025&asOf=2025-06");
        row(rate);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live"), "实时更新中"));
        json().delete("/api/v1/tokens/" + created.path("id")).then().statusCode(204);
        new WebDriverWait(browser, java.time.Duration.ofSeconds(12))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("live"), "登录已失效"));
        screenshot("board-signed-out");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        assertThat(browser.findElement(By.id("live")).isDisplayed()).isTrue();
        screenshot("board-signed-out-phone");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
    }

    /** No sideways scrolling: the page is no wider than the window. */
    private static void fitsTheWindow(String page) {
        Object overflow = ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow of %s", page).isLessThanOrEqualTo(0);
    }

    private static void pick(String inputId, String typed, String code) {
        WebElement input = browser.findElement(By.id(inputId));
        input.clear();
        input.sendKeys(typed);
        // The list is drawn again as the search answers arrive: an item found may be replaced before the click lands.
        By item = By.cssSelector(".picker-list li[data-code='" + code + "']");
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.ElementNotInteractableException.class).until(d -> {
                    d.findElement(item).click();
                    return true;
                });
    }

    /** Issue 31: a county set up from nothing in the pages — roster, indicator, target, clerk token, clerk's form. */
    @Test
    @Order(7)
    void aCountyIsSetUpInThePagesAndItsClerkSeesOnlyItsSchool() throws IOException {
        String x = unique("setup");
        String countyCode = orgUnit("COUNTY", null);
        String countyName = json().get("/api/v1/org-units/{c}", countyCode).then().extract().path("name");
        StringBuilder roster = new StringBuilder("单位代码,单位名称,类型,上级代码,上级名称\n");
        roster.append(x).append("-xq,东城学区").append(x).append(",学区,").append(countyCode).append(",\n");
        for (int i = 0; i < 300; i++) {
            roster.append(x).append("-s").append(i).append(",东城第").append(i).append("小学").append(x).append(",学校,,东城学区")
                    .append(x).append("\n");
        }
        roster.append(x).append("-bad,无上级小学,学校,,没有这个学区\n");
        roster.append(x).append("-s7,重复代码小学,学校,").append(x).append("-xq,\n");
        Path file = Files.createTempFile("roster-", ".csv");
        Files.writeString(file, roster, StandardCharsets.UTF_8);

        open("/setup/units");
        signIn(ADMIN_TOKEN);
        browser.findElement(By.id("roster-file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("atomic")).click(); // keep the good rows
        browser.findElement(By.id("import")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("roster-message"), "新增 301"));
        assertThat(browser.findElements(By.cssSelector("#roster-conflicts tbody tr"))).hasSize(2);
        assertThat(browser.findElement(By.id("roster-conflicts")).getText()).contains("没有这个学区").contains("重复");
        screenshot("setup-units");

        // An indicator, first with a mistake shown beside its field.
        open("/setup/indicators");
        String training = x + "-training";
        browser.findElement(By.id("code")).sendKeys(training);
        browser.findElement(By.id("save")).click();
        WebElement nameProblem = wait
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#indicator-form .problem-note")));
        assertThat(nameProblem.getText()).matches(".*\\p{IsHan}.*");
        browser.findElement(By.id("name")).sendKeys("教师培训" + x);
        browser.findElement(By.id("unit")).sendKeys("人次");
        browser.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-message"), "已保存"));

        // The county's target in the table.
        open("/setup/targets?orgUnit=" + countyCode + "&period=2026");
        WebElement added = wait.until(ExpectedConditions
                .presenceOfElementLocated(By.cssSelector("#targets tbody tr:last-child select.indicator")));
        new org.openqa.selenium.support.ui.Select(added).selectByValue(training);
        browser.findElement(By.cssSelector("#targets tbody tr:last-child input[name='value']")).sendKeys("9200");
        browser.findElement(By.cssSelector("#targets tbody tr:last-child button.save")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#targets tbody tr"), 2));
        screenshot("setup-targets");

        // A clerk token for one school, picked by name.
        open("/setup/tokens");
        browser.findElement(By.id("name")).sendKeys("一小填报员" + x);
        pick("org-unit", "东城第1小学" + x, x + "-s1");
        browser.findElement(By.id("create")).click();
        String secret = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("secret-value"))).getText();
        assertThat(secret).isNotBlank();
        screenshot("setup-tokens");

        // The clerk's form: the school's row only, and a figure that reaches the county board.
        open("/entry?period=2026-03");
        signIn(secret);
        open("/entry?period=2026-03");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#rows tbody tr[data-indicator]"), 1));
        WebElement value = browser
                .findElement(By.cssSelector("#rows tbody tr[data-indicator='" + training + "'] input.value"));
        value.sendKeys("120", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "已全部保存"));
        assertThat(json().queryParam("orgUnit", countyCode).queryParam("period", "2026").queryParam("asOf", "2026-03")
                .get("/api/v1/dashboard").then().statusCode(200).extract().jsonPath().getString("targets[0].actual"))
                .isEqualTo("120");

        // Every page at 390 px: nothing off-screen.
        open("/board");
        signIn(ADMIN_TOKEN);
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        for (String page : List.of("/setup/units", "/setup/indicators",
                "/setup/targets?orgUnit=" + countyCode + "&period=2026", "/setup/tokens",
                "/entry?orgUnit=" + x + "-s1&period=2026-03", "/plans/review",
                "/board?orgUnit=" + countyCode + "&period=2026&asOf=2026-03")) {
            open(page);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in")));
            wait.until(d -> ((JavascriptExecutor) d).executeScript("return document.readyState").equals("complete"));
            fitsTheWindow(page);
            screenshot("phone" + page.replaceAll("[^a-z]+", "-"));
        }
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
        assertThat(countyName).isNotBlank();
    }

    /** Issue 32: a clerk submits the month in 填报; the 学区's reviewer approves it in 审核. */
    @Test
    @Order(8)
    void aClerkSubmitsTheMonthAndTheReviewerApprovesIt() throws IOException {
        String countyCode = orgUnit("COUNTY", null);
        String township = orgUnit("TOWNSHIP", countyCode);
        String school = orgUnit("SCHOOL", township);
        String indicator = anIndicator().with("name", "培训人次").create();
        aTarget().forIndicator(indicator).at(countyCode).period("2027").value("100").create();
        put(indicator, school, "2027-03", "12");

        open("/entry?orgUnit=" + school + "&period=2027-03");
        signIn(token("CLERK", school));
        open("/entry?orgUnit=" + school + "&period=2027-03");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("submit-month"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("submission-state"), "已上报"));
        screenshot("entry-submitted");

        open("/review?orgUnit=" + township + "&period=2027-03");
        signIn(token("REVIEWER", township));
        open("/review?orgUnit=" + township + "&period=2027-03");
        wait.until(ExpectedConditions
                .elementToBeClickable(By.cssSelector("#units tbody tr[data-org-unit='" + school + "'] button.approve")))
                .click();
        wait.until(d -> "APPROVED"
                .equals(json().get("/api/v1/submissions/{u}/2027-03", school).then().extract().path("state")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#units tbody tr[data-org-unit='" + school + "']"), "已通过"));
        screenshot("review-approved");

        // The county's board on approved data: the school's figure counts, and the month's reporting is shown.
        open("/board?orgUnit=" + countyCode + "&period=2027&asOf=2027-03&dataStatus=approved");
        signIn(ADMIN_TOKEN); // the 学区's reviewer does not see the county
        open("/board?orgUnit=" + countyCode + "&period=2027&asOf=2027-03&dataStatus=approved");
        wait.until(ExpectedConditions.textToBePresentInElement(row(indicator).findElement(By.cssSelector(".actual")),
                "12"));
        assertThat(browser.findElement(By.id("data-status")).getAttribute("value")).isEqualTo("approved");
        wait.until(ExpectedConditions
                .presenceOfElementLocated(By.cssSelector("#reporting tbody tr[data-org-unit='" + township + "']")));
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        open("/review?orgUnit=" + township + "&period=2027-03");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#units tbody tr")));
        fitsTheWindow("/review at 390 px");
        screenshot("phone-review");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
    }

    @Test
    @Order(9)
    void theFormShowsRuleFailuresAsTheClerkTypesAndTakesNotApplicableWithAReason() throws IOException {
        String countyCode = orgUnit("COUNTY", null);
        String school = orgUnit("SCHOOL", countyCode);
        String sitting = anIndicator().with("name", "高考参考人数").create();
        String admitted = anIndicator().with("name", "本科上线人数").create();
        String senior = anIndicator().with("name", "高三在校生").create();
        for (String i : List.of(sitting, admitted, senior)) {
            aTarget().forIndicator(i).at(countyCode).period("2027").value("100").create();
        }
        json().body(Map.of("code", "r-" + admitted, "name", "上线不超过参考", "orgUnitCode", countyCode, "left", admitted,
                "operator", "<=", "right", sitting, "severity", "BLOCK", "message", "本科上线人数不能超过参考人数"))
                .post("/api/v1/validation-rules").then().statusCode(201);
        put(sitting, school, "2027-03", "120");

        open("/entry?orgUnit=" + school + "&period=2027-03");
        signIn(token("CLERK", school));
        open("/entry?orgUnit=" + school + "&period=2027-03");
        WebElement admittedRow = row(admitted);
        // Typed, not yet saved: the rule's refusal shows under the field (a dry run of the one row).
        admittedRow.findElement(By.cssSelector("input.value")).sendKeys("130");
        wait.until(ExpectedConditions.textToBePresentInElement(
                admittedRow.findElement(By.cssSelector("td:nth-child(5)")), "本科上线人数不能超过参考人数"));
        admittedRow.findElement(By.cssSelector("button.save")).click();
        wait.until(ExpectedConditions.textToBePresentInElement(admittedRow, "未保存"));
        json().get("/api/v1/observations/{i}/{o}/2027-03", admitted, school).then().statusCode(404);
        screenshot("entry-rule-refused");

        // 不适用 with its reason, and what still blocks 上报 is listed.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("blockers"), "高三在校生"));
        WebElement seniorRow = row(senior);
        seniorRow.findElement(By.cssSelector("input.na")).click();
        seniorRow.findElement(By.cssSelector("button.save")).click();
        wait.until(ExpectedConditions.textToBePresentInElement(seniorRow, "请在备注中写明不适用的原因"));
        seniorRow.findElement(By.cssSelector("input.comment")).sendKeys("本校无高中");
        seniorRow.findElement(By.cssSelector("button.save")).click();
        wait.until(ExpectedConditions.textToBePresentInElement(seniorRow, "已标为不适用"));
        json().get("/api/v1/observations/{i}/{o}/2027-03", senior, school).then().statusCode(200).body("notApplicable",
                org.hamcrest.Matchers.is(true));
        WebElement value = admittedRow.findElement(By.cssSelector("input.value"));
        value.clear();
        value.sendKeys("100");
        admittedRow.findElement(By.cssSelector("button.save")).click();
        wait.until(ExpectedConditions.textToBePresentInElement(admittedRow, "已保存"));
        browser.findElement(By.id("save-all")).click();
        wait.until(d -> d.findElement(By.id("blockers")).getText().isEmpty());
        wait.until(ExpectedConditions.elementToBeClickable(By.id("submit-month"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("submission-state"), "已上报"));

        // The county's reviewer opens the school: its figures beside last period's, 不适用 shown as such.
        open("/review?orgUnit=" + countyCode + "&period=2027-03");
        signIn(token("REVIEWER", countyCode));
        open("/review?orgUnit=" + countyCode + "&period=2027-03");
        wait.until(ExpectedConditions
                .elementToBeClickable(By.cssSelector("#units tbody tr[data-org-unit='" + school + "'] button.open")))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#units tr.detail"), "不适用"));
        assertThat(browser.findElement(By.cssSelector("#units tr.detail")).getText()).contains("校验规则全部通过");
        screenshot("review-detail");
    }

    /** Issue 33: a planner explains a slipping target on the board, makes March's 月报 and downloads it. */
    @Test
    @Order(11)
    void aPlannerWritesCommentaryOnTheBoardAndDownloadsTheMonthsReport() throws IOException {
        String countyCode = orgUnit("COUNTY", null);
        String school = orgUnit("SCHOOL", countyCode);
        String indicator = anIndicator().with("name", "送教下乡").create();
        aTarget().forIndicator(indicator).at(countyCode).period("2026").value("1200").with("leadUnit", "基础教育股")
                .create();
        put(indicator, school, "2026-01", "10");

        String board = "/board?orgUnit=" + countyCode + "&period=2026&asOf=2026-03";
        open(board);
        signIn(token("PLANNER", countyCode));
        open(board);
        WebElement row = row(indicator);
        assertThat(row.getText()).contains("责任单位：基础教育股");
        wait.until(d -> row(indicator).findElement(By.cssSelector(".no-commentary")).isDisplayed());
        row.click();
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("commentary-form")));
        form.findElement(By.name("progress")).sendKeys("一季度送教下乡10人次。");
        form.findElement(By.name("problems")).sendKeys("山区学校路远，排课困难。");
        form.findElement(By.name("nextSteps")).sendKeys("4月起按片区集中送教。");
        browser.findElement(By.id("commentary-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#commentary-form .message"),
                "已保存（第 1 版）"));
        wait.until(d -> !row(indicator).findElement(By.cssSelector(".no-commentary")).isDisplayed());
        json().get("/api/v1/targets/{id}/commentary/2026-03",
                Long.parseLong(row(indicator).getAttribute("data-target-id"))).then().statusCode(200)
                .body("problems", org.hamcrest.Matchers.equalTo("山区学校路远，排课困难。"));
        screenshot("board-commentary");

        open("/reports?orgUnit=" + countyCode + "&period=2026-03");
        wait.until(ExpectedConditions.attributeToBe(By.id("org-unit"), "data-code", countyCode));
        browser.findElement(By.id("generate")).click();
        WebElement done = new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#reports tr[data-state='DONE']")));
        assertThat(done.getText()).contains("目标进展月报", "2026-03");
        try (var before = Files.list(DOWNLOADS)) {
            before.filter(f -> f.toString().endsWith(".pdf")).forEach(f -> f.toFile().delete());
        }
        done.findElement(By.cssSelector("button.download")).click();
        Path pdf = wait.until(d -> {
            try (var files = Files.list(DOWNLOADS)) {
                return files.filter(f -> f.toString().endsWith(".pdf")).findFirst().orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
        wait.until(d -> pdf.toFile().length() > 0);
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text).contains("目标进展月报", "送教下乡", "基础教育股", "山区学校路远，排课困难。");
        }
        screenshot("reports");

        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        open("/reports");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#reports tbody tr")));
        fitsTheWindow("/reports at 390 px");
        screenshot("phone-reports");
        open("/settings");
        WebElement url = wait.until(ExpectedConditions.elementToBeClickable(By.id("channel-url")));
        browser.findElement(By.id("channel-name")).sendKeys("县局领导群");
        url.sendKeys("ftp://example.cn/robot");
        browser.findElement(By.id("channel-secret")).sendKeys("SECabc");
        browser.findElement(By.id("channel-create")).click();
        WebElement note = wait
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#channel-form .field-error")));
        assertThat(note.getText()).contains("不是 http 或 https 地址");
        fitsTheWindow("/settings at 390 px");
        screenshot("phone-settings");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
    }
}
