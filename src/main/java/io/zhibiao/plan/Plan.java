package io.zhibiao.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.zhibiao.common.PeriodSpan;
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

/** A work-plan document of an org unit that groups targets. */
@Entity
@Table(name = "plan")
public class Plan extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "plan_seq")
    @SequenceGenerator(name = "plan_seq", sequenceName = "plan_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "org_unit_id")
    public OrgUnit orgUnit;

    @Column(nullable = false, length = 500)
    public String title;

    /** The period: its text and its months (range queries compare the months). */
    @Embedded
    public PeriodSpan span;

    @Column(name = "plan_text", nullable = false, length = 1_000_000)
    public String text;

    /** What the plan was read from: TEXT, DOCX, PDF or HTML; the text above is what was derived from it. */
    @Column(name = "source_format", nullable = false, length = 10)
    public String format;

    @Column(name = "created_by", length = 200)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
