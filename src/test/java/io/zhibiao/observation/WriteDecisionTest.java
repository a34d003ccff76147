package io.zhibiao.observation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class WriteDecisionTest {

    private static final Supplier<List<BigDecimal>> FLAT_HISTORY = () -> Collections.nCopies(8, new BigDecimal("100"));
    private static final Supplier<List<BigDecimal>> NOT_ASKED = () -> {
        throw new AssertionError("the history must not be read");
    };

    private static StoredFigure stored(String value, ObservationStatus status, String comment, int revision,
            boolean deleted, String flags) {
        return new StoredFigure(7, new BigDecimal(value), status, comment, revision, deleted, flags);
    }

    private static WriteDecision decide(StoredFigure current, String value, ObservationStatus status, String comment,
            Supplier<List<BigDecimal>> history) {
        return WriteDecision.decide(current, new BigDecimal(value), status, comment, history);
    }

    @Test
    void aFirstFigureIsCreatedAtRevisionOne() {
        WriteDecision d = decide(null, "100", ObservationStatus.FINAL, null, List::of);
        assertThat(d.outcome()).isEqualTo(WriteOutcome.CREATED);
        assertThat(d.operation()).isEqualTo(Operation.CREATE);
        assertThat(d.revision()).isEqualTo(1);
        assertThat(d.flags()).isNull();
        assertThat(d.writes()).isTrue();
    }

    @Test
    void anIdenticalLiveFigureIsUnchangedAndKeepsRevisionAndFlags() {
        StoredFigure current = stored("900", ObservationStatus.FINAL, "核实", 4, false, "OUTLIER");
        WriteDecision d = decide(current, "900", ObservationStatus.FINAL, "核实", NOT_ASKED);
        assertThat(d.outcome()).isEqualTo(WriteOutcome.UNCHANGED);
        assertThat(d.writes()).isFalse();
        assertThat(d.revision()).isEqualTo(4);
        assertThat(d.flags()).isEqualTo("OUTLIER");
        assertThat(d.flagged()).isFalse();
    }

    @Test
    void valuesAreComparedByNumberNotByScale() {
        StoredFigure current = stored("75.30", ObservationStatus.FINAL, null, 2, false, null);
        assertThat(decide(current, "75.3", ObservationStatus.FINAL, null, NOT_ASKED).outcome())
                .isEqualTo(WriteOutcome.UNCHANGED);
    }

    @Test
    void aStatusChangeIsAnUpdateThatKeepsTheFlagWithoutReadingHistory() {
        StoredFigure current = stored("900", ObservationStatus.FINAL, null, 3, false, "OUTLIER");
        WriteDecision d = decide(current, "900", ObservationStatus.PROVISIONAL, null, NOT_ASKED);
        assertThat(d.outcome()).isEqualTo(WriteOutcome.UPDATED);
        assertThat(d.operation()).isEqualTo(Operation.UPDATE);
        assertThat(d.revision()).isEqualTo(4);
        assertThat(d.flags()).isEqualTo("OUTLIER");
        assertThat(d.flagged()).isFalse();
    }

    @Test
    void aCommentChangeIsAnUpdate() {
        StoredFigure current = stored("100", ObservationStatus.FINAL, null, 1, false, null);
        WriteDecision d = decide(current, "100", ObservationStatus.FINAL, "含寒假培训", NOT_ASKED);
        assertThat(d.outcome()).isEqualTo(WriteOutcome.UPDATED);
        assertThat(d.revision()).isEqualTo(2);
    }

    @Test
    void aNewValueFarFromHistoryIsFlagged() {
        StoredFigure current = stored("100", ObservationStatus.FINAL, null, 1, false, null);
        WriteDecision d = decide(current, "900", ObservationStatus.FINAL, null, FLAT_HISTORY);
        assertThat(d.outcome()).isEqualTo(WriteOutcome.UPDATED);
        assertThat(d.flags()).isEqualTo(QualityRule.OUTLIER);
        assertThat(d.flagged()).isTrue();
    }

    @Test
    void aNewValueIsCheckedAgainAndLosesAnOldFlag() {
        StoredFigure current = stored("900", ObservationStatus.FINAL, null, 2, false, "OUTLIER");
        WriteDecision d = decide(current, "101", ObservationStatus.FINAL, null, FLAT_HISTORY);
        assertThat(d.flags()).isNull();
        assertThat(d.flagged()).isFalse();
    }

    @Test
    void aDeletedFigureWrittenAgainIsCreatedWithTheNextRevision() {
        StoredFigure current = stored("100", ObservationStatus.FINAL, null, 5, true, null);
        WriteDecision d = decide(current, "100", ObservationStatus.FINAL, null, List::of);
        assertThat(d.outcome()).isEqualTo(WriteOutcome.CREATED);
        assertThat(d.operation()).isEqualTo(Operation.CREATE);
        assertThat(d.revision()).isEqualTo(6);
    }

    @Test
    void aDeletedFigureIsCheckedAgainEvenWithItsOldValue() {
        StoredFigure current = stored("900", ObservationStatus.FINAL, null, 3, true, null);
        WriteDecision d = decide(current, "900", ObservationStatus.FINAL, null, FLAT_HISTORY);
        assertThat(d.flags()).isEqualTo(QualityRule.OUTLIER);
        assertThat(d.flagged()).isTrue();
    }
}
