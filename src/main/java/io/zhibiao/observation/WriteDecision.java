package io.zhibiao.observation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The one rule for what writing a validated figure does, shared by the single PUT and every import
 * format: unchanged when value, status and comment equal a live stored figure; otherwise the next
 * revision, created when there was none (or it was deleted). The quality rule looks again only when
 * the value itself changes, so a flag survives a status or comment edit.
 *
 * @param revision the revision the figure has after the write (the stored one when unchanged)
 * @param flags the figure's data-quality flags after the write, or null
 * @param flagged the value was checked by this write and flagged; imports report it
 */
public record WriteDecision(WriteOutcome outcome, int revision, String flags, boolean flagged) {

    /**
     * @param current the stored figure, or null when there is none
     * @param history the unit's earlier figures of the indicator, oldest first; asked only when the
     *     value is checked
     */
    public static WriteDecision decide(StoredFigure current, BigDecimal value, ObservationStatus status, String comment,
            Supplier<List<BigDecimal>> history) {
        boolean live = current != null && !current.deleted();
        boolean sameValue = live && current.value().compareTo(value) == 0;
        if (sameValue && current.status() == status && Objects.equals(current.comment(), comment)) {
            return new WriteDecision(WriteOutcome.UNCHANGED, current.revision(), current.flags(), false);
        }
        int revision = current == null ? 1 : current.revision() + 1;
        WriteOutcome outcome = live ? WriteOutcome.UPDATED : WriteOutcome.CREATED;
        if (sameValue) {
            return new WriteDecision(outcome, revision, current.flags(), false);
        }
        String flags = QualityRule.check(value, history.get()).orElse(null);
        return new WriteDecision(outcome, revision, flags, flags != null);
    }

    public boolean writes() {
        return outcome != WriteOutcome.UNCHANGED;
    }

    /** The operation recorded in the revision history. */
    public Operation operation() {
        return outcome == WriteOutcome.CREATED ? Operation.CREATE : Operation.UPDATE;
    }
}
