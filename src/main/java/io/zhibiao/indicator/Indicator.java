package io.zhibiao.indicator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.zhibiao.orgunit.OrgUnitType;
import io.zhibiao.progress.Aggregation;
import io.zhibiao.progress.Direction;
import io.zhibiao.progress.Measure;
import io.zhibiao.progress.Rollup;
import io.zhibiao.progress.ValueType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Optional;

@Entity
@Table(name = "indicator")
public class Indicator extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "indicator_seq")
    @SequenceGenerator(name = "indicator_seq", sequenceName = "indicator_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false, unique = true, length = 64)
    public String code;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(length = 100)
    public String category;

    @Column(length = 2000)
    public String description;

    @Column(nullable = false, length = 20)
    public String unit;

    @Enumerated(EnumType.STRING)
    @Column(name = "value_type", nullable = false, length = 10)
    public ValueType valueType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public Direction direction;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public Aggregation aggregation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    public Frequency frequency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public Rollup rollup;

    /** A derived indicator: value = numerator ÷ denominator × factor (design §6); null otherwise. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "formula_numerator_id")
    public Indicator numerator;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "formula_denominator_id")
    public Indicator denominator;

    @Column(name = "formula_factor", precision = 24, scale = 6)
    public BigDecimal factor;

    /** A rankCount formula: how many units of rankType under the unit rank in the top rankTop within rankWithin. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "rank_indicator_id")
    public Indicator rankIndicator;

    @Enumerated(EnumType.STRING)
    @Column(name = "rank_within", length = 12)
    public OrgUnitType rankWithin;

    @Enumerated(EnumType.STRING)
    @Column(name = "rank_type", length = 12)
    public OrgUnitType rankType;

    @Column(name = "rank_top")
    public Integer rankTop;

    @Column(name = "min_value", precision = 24, scale = 6)
    public BigDecimal minValue;

    @Column(name = "max_value", precision = 24, scale = 6)
    public BigDecimal maxValue;

    /** Days after a period ends by which its figures are due (design §7); null: the configured default. */
    @Column(name = "due_days")
    public Integer dueDays;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public static Optional<Indicator> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /** Computed from other indicators (a ratio or a rankCount); takes no observations. */
    public boolean isDerived() {
        return numerator != null || rankIndicator != null;
    }

    /** How the engine values this indicator across time and the tree. */
    public Measure measure() {
        ValueRules rules = rules();
        return new Measure(id, aggregation, rollup, frequency.periodType().months(), rules.effectiveMin(),
                rules.effectiveMax(),
                numerator != null ? new Measure.Formula(numerator.id, denominator.id, factor) : null, direction,
                rankIndicator != null
                        ? new Measure.RankCount(rankIndicator.id, rankWithin.name(), rankType.name(), rankTop)
                        : null);
    }

    public ValueRules rules() {
        return new ValueRules(valueType, minValue, maxValue);
    }
}
