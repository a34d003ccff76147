package io.zhibiao.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.zhibiao.orgunit.OrgUnit;
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

/**
 * One requested report (design §8): what was asked, by whom (the worker reads with the requester's scope), and where
 * its production stands. The document itself is a {@link ReportFile}.
 */
@Entity
@Table(name = "report")
public class Report extends PanacheEntityBase {

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ReportState")
    public enum State {
        QUEUED, RUNNING, DONE, FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "report_seq")
    @SequenceGenerator(name = "report_seq", sequenceName = "report_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "org_unit_id")
    public OrgUnit orgUnit;

    @Column(nullable = false, length = 20)
    public String period;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public ReportFormat format;

    /** {@code all} or {@code approved}. */
    @Column(name = "data_status", nullable = false, length = 10)
    public String dataStatus;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public State state;

    @Column(length = 300)
    public String title;

    @Column(name = "as_of_version")
    public Long asOfVersion;

    @Column(length = 64)
    public String sha256;

    @Column(name = "size_bytes")
    public Long size;

    @Column(length = 2000)
    public String error;

    @Column(name = "requested_by", nullable = false, length = 200)
    public String requestedBy;

    @Column(name = "requester_role", nullable = false, length = 20)
    public String requesterRole;

    @Column(name = "requester_scope", length = 2000)
    public String requesterScope;

    @Column(name = "schedule_id")
    public Long scheduleId;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;
}
