package io.zhibiao.target;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

@Embeddable
public class MilestoneValue {

    @Column(nullable = false, length = 20)
    public String period;

    @Column(name = "milestone_value", nullable = false, precision = 24, scale = 6)
    public BigDecimal value;

    public MilestoneValue() {
    }

    public MilestoneValue(String period, BigDecimal value) {
        this.period = period;
        this.value = value;
    }
}
