package io.zhibiao.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
}
