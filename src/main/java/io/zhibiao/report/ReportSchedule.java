package io.zhibiao.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.zhibiao.alert.AlertChannel;
import io.zhibiao.orgunit.OrgUnit;
import io.zhibiao.period.PeriodType;
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
import java.time.OffsetDateTime;

/** The report of the period just ended, made on a day of each month and sent to a channel (design §8). */
@Entity
@Table(name = "report_schedule")
public class ReportSchedule extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "report_seq")
    @SequenceGenerator(name = "report_seq", sequenceName = "report_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "org_unit_id")
    public OrgUnit orgUnit;

    /** 1–31; in a shorter month, its last day. */
    @Column(name = "day_of_month", nullable = false)
    public int dayOfMonth;

    @Enumerated(EnumType.STRING)
    @Column(name = "period_type", nullable = false, length = 10)
    public PeriodType periodType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public ReportFormat format;

    @Column(name = "data_status", nullable = false, length = 10)
    public String dataStatus;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "channel_id")
    public AlertChannel channel;

    /** The last period a report was made for: each period once. */
    @Column(name = "last_period", length = 20)
    public String lastPeriod;

    @Column(name = "created_by", nullable = false, length = 200)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
