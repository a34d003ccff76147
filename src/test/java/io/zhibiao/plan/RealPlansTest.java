package io.zhibiao.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The extraction corpus under {@code verify}: every plan the rules were tuned on — written for the project
 * ({@code plans/tuned}) or published for real ({@code plans/real/tuned}) — gives exactly its expected list (each target
 * found with its period, nothing else); the held-out plans, which no rule was written from yet, stay at or above the
 * floors README "Extraction" states.
 */
class RealPlansTest {

    /** README "Extraction": the least the held-out plans may score before their misses are ruled on. */
    static final double RECALL_FLOOR = 0.90;
    static final double PRECISION_FLOOR = 0.90;
    static final double PERIOD_FLOOR = 0.90;

    static Stream<ExtractionEvaluation.Plan> tuned() throws IOException {
        List<ExtractionEvaluation.Plan> plans = new ArrayList<>(
                ExtractionEvaluation.fixtures(Path.of("src/test/resources/plans/tuned"), false));
        plans.addAll(ExtractionEvaluation.real(Path.of(ExtractionEvaluation.REAL, "tuned"), false));
        return plans.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tuned")
    void aTunedPlanGivesExactlyItsList(ExtractionEvaluation.Plan plan) throws IOException {
        ExtractionEvaluation.Score score = ExtractionEvaluation.score(plan);
        assertThat(score.found()).as("targets found").isEqualTo(score.expected());
        assertThat(score.candidates()).as("candidates").isEqualTo(score.expected());
        assertThat(score.periodRight()).as("periods right").isEqualTo(score.found());
    }

    @Test
    void theHeldOutPlansStayAboveTheirFloors() throws IOException {
        List<ExtractionEvaluation.Plan> plans = new ArrayList<>(
                ExtractionEvaluation.fixtures(Path.of("src/test/resources/plans/heldout"), true));
        plans.addAll(ExtractionEvaluation.real(Path.of(ExtractionEvaluation.REAL, "heldout"), true));
        assertThat(plans).isNotEmpty();
        int expected = 0;
        int candidates = 0;
        int found = 0;
        int periods = 0;
        for (ExtractionEvaluation.Plan plan : plans) {
            ExtractionEvaluation.Score score = ExtractionEvaluation.score(plan);
            expected += score.expected();
            candidates += score.candidates();
            found += score.found();
            periods += score.periodRight();
        }
        assertThat((double) found / expected).as("recall of %d held-out plans", plans.size())
                .isGreaterThanOrEqualTo(RECALL_FLOOR);
        assertThat((double) found / candidates).as("precision").isGreaterThanOrEqualTo(PRECISION_FLOOR);
        assertThat((double) periods / found).as("periods right").isGreaterThanOrEqualTo(PERIOD_FLOOR);
    }

    /**
     * A text found again (the same plan on another site, or a shared example the evaluation already reads) would be
     * counted as a first reading of something the rules have seen: no real text may share most of its wording with any
     * other text of the corpus, the project's own plans or the shared examples (where they are, ../shared/examples).
     */
    @Test
    void noRealTextIsAnotherTextFoundAgain() throws IOException {
        Map<String, Set<Integer>> others = new LinkedHashMap<>();
        for (String folder : List.of("src/test/resources/plans/tuned", "src/test/resources/plans/heldout",
                ExtractionEvaluation.REAL + "/tuned", ExtractionEvaluation.REAL + "/heldout", "../shared/examples",
                "../shared/examples/workplans")) {
            Path dir = Path.of(folder);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                        others.put(folder + "/" + file.getFileName(), windows(Files.readString(file)));
                    }
                }
            }
        }
        List<String> found = new ArrayList<>();
        others.forEach((name, own) -> {
            if (!name.startsWith(ExtractionEvaluation.REAL) || own.size() < 20) {
                return;
            }
            others.forEach((other, theirs) -> {
                if (!other.equals(name)) {
                    long shared = own.stream().filter(theirs::contains).count();
                    if (shared * 2 > own.size()) {
                        found.add(name + " repeats " + other + " (" + 100 * shared / own.size() + " % of its wording)");
                    }
                }
            });
        });
        assertThat(found).isEmpty();
    }

    /** Every run of 16 letters and digits of a text (spaces, punctuation and page furniture's symbols left out). */
    private static Set<Integer> windows(String text) {
        int[] letters = text.codePoints().filter(Character::isLetterOrDigit).toArray();
        Set<Integer> windows = new HashSet<>();
        for (int i = 0; i + 16 <= letters.length; i++) {
            windows.add(new String(letters, i, 16).hashCode());
        }
        return windows;
    }
}
