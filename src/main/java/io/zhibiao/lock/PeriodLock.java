package io.zhibiao.lock;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.zhibiao.common.PeriodSpan;
import io.zhibiao.indicator.Indicator;
import io.zhibiao.orgunit.OrgUnit;
import jakarta.persistence.Column;
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
import java.time.OffsetDateTime;

/**
 * Closes every observation period inside {@code period} for an org unit's subtree (one indicator,
 * or all).
 */
@Entity
@Table(name = "period_lock")
public class PeriodLock extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "period_lock_seq")
    @SequenceGenerator(name = "period_lock_seq", sequenceName = "period_lock_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "org_unit_id")
    public OrgUnit orgUnit;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "indicator_id")
    public Indicator indicator;

    /** The period: its text and its months (range queries compare the months). */
    @Embedded
    public PeriodSpan span;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false, length = 200)
    public String createdBy;

    LockRules.Lock rule() {
        return new LockRules.Lock(id, orgUnit.path, orgUnit.code, indicator == null ? null : indicator.id,
                span.period());
    }
}
