package io.zhibiao.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** design §7: figures are expected where they originate. Units: county 1 › 学区 2 › schools 3, 4; school 5 under 1. */
class ExpectedCellsTest {

    private static final long TRAINING = 100;
    private static final long INVESTMENT = 101;
    private static final long OWN = 102;
    private static final long RANKED = 103;

    private static List<ExpectedCells.Unit> tree(boolean fourOpen) {
        return List.of(new ExpectedCells.Unit(1, null, "COUNTY", true), new ExpectedCells.Unit(2, 1L, "TOWNSHIP", true),
                new ExpectedCells.Unit(3, 2L, "SCHOOL", true), new ExpectedCells.Unit(4, 2L, "SCHOOL", fourOpen),
                new ExpectedCells.Unit(5, 1L, "SCHOOL", true));
    }

    private static ExpectedCells.Demand demand(long unit, long indicator, boolean rollsUp) {
        return new ExpectedCells.Demand(unit, Set.of(indicator), rollsUp, null);
    }

    @Test
    void aCountyTargetThatRollsUpIsExpectedFromEverySchoolAndNotAgainAboveThem() {
        ExpectedCells cells = new ExpectedCells(tree(true), List.of(demand(1, TRAINING, true)), List.of());
        assertThat(cells.expected(3)).containsExactly(TRAINING);
        assertThat(cells.expected(4)).containsExactly(TRAINING);
        assertThat(cells.expected(5)).containsExactly(TRAINING);
        assertThat(cells.expected(2)).isEmpty();
        assertThat(cells.expected(1)).isEmpty();
        assertThat(cells.form(2)).containsExactly(TRAINING); // the 学区 may still post its own total
    }

    @Test
    void whatDoesNotRollUpIsExpectedFromTheUnitHoldingTheTargetOnly() {
        ExpectedCells cells = new ExpectedCells(tree(true), List.of(demand(1, INVESTMENT, false)), List.of());
        assertThat(cells.expected(1)).containsExactly(INVESTMENT);
        assertThat(cells.expected(3)).isEmpty();
        assertThat(cells.form(3)).isEmpty();
    }

    @Test
    void aClosedSchoolExpectsNothingAndItsParentTakesNothingBack() {
        ExpectedCells cells = new ExpectedCells(tree(false), List.of(demand(1, TRAINING, true)), List.of());
        assertThat(cells.expected(4)).isEmpty();
        assertThat(cells.expected(3)).containsExactly(TRAINING);
        assertThat(cells.expected(2)).isEmpty();
    }

    @Test
    void aSchoolsOwnTargetAndTheInheritedOnesAreBothOnItsForm() {
        ExpectedCells cells = new ExpectedCells(tree(true), List.of(demand(3, OWN, false)),
                List.of(demand(0, TRAINING, true), demand(0, INVESTMENT, false)));
        assertThat(cells.expected(3)).containsExactlyInAnyOrder(OWN, TRAINING);
        assertThat(cells.expected(5)).containsExactly(TRAINING);
        assertThat(cells.expected(1)).isEmpty();
    }

    @Test
    void aRankCountIsPostedByTheRankedTypeOnly() {
        ExpectedCells cells = new ExpectedCells(tree(true),
                List.of(new ExpectedCells.Demand(1, Set.of(RANKED), true, "SCHOOL")), List.of());
        assertThat(cells.expected(3)).containsExactly(RANKED);
        assertThat(cells.expected(5)).containsExactly(RANKED);
        assertThat(cells.form(2)).isEmpty();
        assertThat(cells.expected(1)).isEmpty();
    }

    @Test
    void aLeafWithoutChildrenKeepsItsWholeFormAndSubtreesAreComplete() {
        ExpectedCells cells = new ExpectedCells(tree(true), List.of(demand(1, TRAINING, true)), List.of());
        assertThat(cells.subtree(2)).containsExactlyInAnyOrder(2L, 3L, 4L);
        assertThat(cells.subtree(1)).hasSize(5);
        assertThat(cells.children(1)).containsExactly(2L, 5L);
    }
}
