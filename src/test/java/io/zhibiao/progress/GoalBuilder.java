package io.zhibiao.progress;

import io.zhibiao.period.Period;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Test data for the engine: {@code
 * aGoal().percent().increase().last().period("2025").value("75.3")}.
 */
final class GoalBuilder {

    private ValueType valueType = ValueType.INTEGER;
    private String unit = "人";
    private Direction direction = Direction.INCREASE;
    private Aggregation aggregation = Aggregation.SUM;
    private Period period = Period.parse("2025");
    private BigDecimal value = BigDecimal.ONE;
    private BigDecimal tolerance;
    private BigDecimal baselineValue;
    private Period baselinePeriod;
    private final List<Milestone> milestones = new ArrayList<>();

    static GoalBuilder aGoal() {
        return new GoalBuilder();
    }

    GoalBuilder percent() {
        valueType = ValueType.PERCENT;
        unit = "%";
        return this;
    }

    GoalBuilder unit(String unit) {
        this.unit = unit;
        return this;
    }

    GoalBuilder decimal(String unit) {
        valueType = ValueType.DECIMAL;
        this.unit = unit;
        return this;
    }

    GoalBuilder direction(Direction direction) {
        this.direction = direction;
        return this;
    }

    GoalBuilder aggregation(Aggregation aggregation) {
        this.aggregation = aggregation;
        return this;
    }

    GoalBuilder period(String period) {
        this.period = Period.parse(period);
        return this;
    }

    GoalBuilder value(String value) {
        this.value = new BigDecimal(value);
        return this;
    }

    GoalBuilder tolerance(String tolerance) {
        this.tolerance = new BigDecimal(tolerance);
        return this;
    }

    GoalBuilder baseline(String value) {
        this.baselineValue = new BigDecimal(value);
        return this;
    }

    GoalBuilder baselinePeriod(String period) {
        this.baselinePeriod = Period.parse(period);
        return this;
    }

    GoalBuilder milestone(String period, String value) {
        milestones.add(new Milestone(Period.parse(period), new BigDecimal(value)));
        return this;
    }

    Goal build() {
        return new Goal(valueType, unit, direction, aggregation, period, value, tolerance, baselineValue,
                baselinePeriod, milestones);
    }
}
