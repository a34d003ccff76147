package io.zhibiao.reporting;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.zhibiao.common.PeriodSpan;
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
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/** The state of an org unit's reporting period (design §7); no row means OPEN. */
@Entity
@Table(name = "submission")
public class Submission extends PanacheEntityBase {

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "SubmissionState")
    public enum State {

        OPEN, SUBMITTED, APPROVED, RETURNED;

        /** Whether the unit's cells of the period take no writes in this state. */
        public boolean holds() {
            return this == SUBMITTED || this == APPROVED;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "submission_seq")
    @SequenceGenerator(name = "submission_seq", sequenceName = "submission_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "org_unit_id")
    public OrgUnit orgUnit;

    /** The period: its text and its months (range queries compare the months). */
    @Embedded
    public PeriodSpan span;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    public State state;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false, length = 200)
    public String updatedBy;

    @Version
    public long version;
}
