package io.zhibiao.target;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.zhibiao.common.PeriodSpan;
import io.zhibiao.indicator.Indicator;
import io.zhibiao.orgunit.OrgUnit;
import io.zhibiao.period.Period;
import io.zhibiao.progress.Goal;
import io.zhibiao.progress.Milestone;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
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
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

@Entity
@Table(name = "target")
public class Target extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "target_seq")
    @SequenceGenerator(name = "target_seq", sequenceName = "target_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "indicator_id")
    public Indicator indicator;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "org_unit_id")
    public OrgUnit orgUnit;

    /** The period: its text and its months (range queries compare the months). */
    @Embedded
    public PeriodSpan span;

    @Column(name = "target_value", nullable = false, precision = 24, scale = 6)
    public BigDecimal value;

    @Column(precision = 24, scale = 6)
    public BigDecimal tolerance;

    @Column(name = "baseline_period", length = 20)
    public String baselinePeriod;

    @Column(name = "baseline_value", precision = 24, scale = 6)
    public BigDecimal baselineValue;

    @ElementCollection
    @CollectionTable(name = "target_milestone", joinColumns = @JoinColumn(name = "target_id"))
    @Fetch(FetchMode.SUBSELECT)
    public List<MilestoneValue> milestones = new ArrayList<>();

    /** The plan the target was accepted from, if any. */
    @Column(name = "plan_id")
    public Long planId;

    @Column(length = 500)
    public String title;

    @Column(length = 4000)
    public String source;

    @Column(length = 4000)
    public String note;

    /** 责任单位/股室 (design §8), free text. */
    @Column(name = "lead_unit", length = 200)
    public String leadUnit;

    /** 协办单位, one per line. */
    @Column(name = "co_units", length = 2000)
    public String coUnits;

    /** 责任人. */
    @Column(length = 100)
    public String responsible;

    public List<String> coUnitList() {
        return coUnits == null || coUnits.isEmpty() ? List.of() : List.of(coUnits.split("\n"));
    }

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public Period period() {
        return span.period();
    }

    /** The engine's view of this target and its indicator. */
    public Goal goal() {
        return new Goal(indicator.valueType, indicator.unit, indicator.direction, indicator.aggregation, period(),
                value, tolerance, baselineValue, baselinePeriod == null ? null : Period.parse(baselinePeriod),
                milestones.stream().map(m -> new Milestone(Period.parse(m.period), m.value)).toList());
    }
}
