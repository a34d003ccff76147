package io.zhibiao.observation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.zhibiao.common.PeriodSpan;
import io.zhibiao.indicator.Indicator;
import io.zhibiao.orgunit.OrgUnit;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * The current figure for (indicator, org unit, period). A delete only marks it, so its revisions
 * stay reachable and a later put continues the same revision sequence.
 */
@Entity
@Table(name = "observation")
public class Observation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "observation_seq")
    @SequenceGenerator(name = "observation_seq", sequenceName = "observation_seq", allocationSize = 50)
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

    /** Null only for a cell marked not applicable. */
    @Column(name = "obs_value", precision = 24, scale = 6)
    public BigDecimal value;

    /** When the cell was first written (its first revision); kept through later changes and deletes. */
    @Column(name = "first_at")
    public java.time.OffsetDateTime firstAt;

    /** Marked not applicable (不适用, design §7): then also {@code deleted}, so no reader counts it as a figure. */
    @Column(name = "not_applicable", nullable = false)
    public boolean notApplicable;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    public ObservationStatus status;

    @Column(length = 2000)
    public String comment;

    /**
     * Incremented by every change; also the ETag. Serialised by {@link
     * io.zhibiao.common.WriteGate}.
     */
    @Column(nullable = false)
    public int revision;

    @Column(nullable = false)
    public boolean deleted;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false, length = 200)
    public String updatedBy;

    /** Comma-separated data-quality flags such as OUTLIER; null when none. */
    @Column(length = 100)
    public String flags;
}
