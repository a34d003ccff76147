package io.zhibiao.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The extractor on the team's shared examples (../shared/examples, or -Dzhibiao.examples=DIR). A
 * user's clone has no such folder, so every test here skips cleanly without it.
 */
class SharedExamplesTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("zhibiao.examples", "../shared/examples"));
    private static final Pattern NOISE = Pattern.compile("https?://|www\\.|QQ|微信|小编|浏览次数|索引号|来源[:：]|试读|xx|XX");

    /** A shared sample's text; the test is skipped where the shared examples are not. */
    private static String sample(String name) throws IOException {
        Path file = EXAMPLES.resolve(name);
        assumeTrue(Files.exists(file), "no shared examples at " + EXAMPLES.toAbsolutePath());
        return Files.readString(file);
    }

    /** A shared sample's expected targets: name value unit direction period baselinePeriod baselineValue orgUnit note. */
    private static List<TargetExtractorTest.Expected> expected(String name) throws IOException {
        Path file = EXAMPLES.resolve(name);
        assumeTrue(Files.exists(file), "no shared examples at " + EXAMPLES.toAbsolutePath());
        return Files.readAllLines(file).stream().filter(line -> !line.isBlank() && !line.startsWith("#")).map(line -> {
            String[] f = (line + "\t\t\t\t\t\t\t\t\t").split("\t", -1);
            return new TargetExtractorTest.Expected(f[0], f[1], f[2], "", f[3], f[4], f[5], f[6], f[7], "");
        }).toList();
    }

    @Test
    void theSamplePlanGivesEveryListedTargetAndNothingElse() throws IOException {
        String plan = sample("sample-county-2026.txt");
        List<TargetExtractorTest.Expected> expected = expected("sample-county-2026.targets.tsv");

        Extraction extraction = new TargetExtractor().extract(plan, TargetExtractor.planYear(plan).orElseThrow());

        assertThat(extraction.year()).isEqualTo(2026);
        assertThat(extraction.candidates()).as("no extra candidates").hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            TargetExtractorTest.Expected row = expected.get(i);
            Candidate candidate = extraction.candidates().get(i);
            // Zero targets name no unit in the text: any unit (or none) is right.
            if (row.unit().isEmpty() && row.value().equals("0")) {
                assertThat(candidate.value()).isEqualByComparingTo("0");
                assertThat(candidate.direction().name()).isEqualTo(row.direction());
                assertThat(candidate.period()).isEqualTo(row.period());
                continue;
            }
            row.check(candidate, false);
        }
    }

    @Test
    void theSampleIndicatorTableGivesEveryListedTargetAndNothingElse() throws IOException {
        String table = sample("sample-indicator-table.txt");
        List<TargetExtractorTest.Expected> expected = expected("sample-indicator-table.targets.tsv");

        List<Candidate> found = new TargetExtractor().extract(table, 2026).candidates();

        assertThat(found).as("no extra candidates").hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            expected.get(i).check(found.get(i), true);
        }
    }

    @Test
    void everyPublishedPlanReadsWithoutNoiseAndWithFiguresFromItsSentences() throws IOException {
        Path folder = EXAMPLES.resolve("workplans");
        assumeTrue(Files.isDirectory(folder), "no shared work plans at " + folder.toAbsolutePath());
        List<Path> plans;
        try (Stream<Path> files = Files.list(folder)) {
            plans = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertThat(plans).isNotEmpty();
        for (Path file : plans) {
            String plan = Files.readString(file);
            int year = TargetExtractor.planYear(plan).orElse(2025);
            Extraction extraction = new TargetExtractor().extract(plan, year);
            int[] codePoints = plan.codePoints().toArray();
            for (Candidate c : extraction.candidates()) {
                String figure = new String(codePoints, c.start(), c.end() - c.start());
                String what = file.getFileName() + ": " + c;
                assertThat(c.sentence()).as(what).contains(figure);
                assertThat(NOISE.matcher(c.sentence()).find()).as(what + " comes from noise").isFalse();
                assertThat(figureValue(figure)).as(what).isEqualByComparingTo(c.value());
                // None of these plans names a 责任单位 after a task: 责任制, 责任清单, 牵头建立…, the page's
                // "责任部门 | 区教育局" row are not units answering for a target.
                assertThat(c.leadUnit()).as(what + " names no 责任单位").isNull();
            }
        }
    }

    /** The value a figure as written stands for: 68, 1-2 (lower bound), 2万, 两, 零, 百分百. */
    private static BigDecimal figureValue(String figure) {
        StringBuilder ascii = new StringBuilder();
        figure.chars().forEach(c -> ascii.append((char) (c >= '０' && c <= '９' || c == '．' ? c - 0xFEE0 : c)));
        String normal = ascii.toString();
        if (normal.equals("百分百")) {
            return BigDecimal.valueOf(100);
        }
        String first = normal.split("[-~～至]")[0];
        BigDecimal multiplier = BigDecimal.ONE;
        if (first.endsWith("万")) {
            multiplier = BigDecimal.valueOf(10_000);
            first = first.substring(0, first.length() - 1);
        }
        BigDecimal value = PlanNumbers.number(first);
        return value == null ? BigDecimal.valueOf(-1) : value.multiply(multiplier);
    }
}
