package io.zhibiao.observation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** One change of an observation, kept forever. */
@Entity
@Table(name = "observation_revision")
public class Revision extends PanacheEntityBase {

    /** Position in the changes feed, drawn under the write gate; unique, so it is the key. */
    @Id
    @Column(name = "change_seq")
    public Long changeSeq;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "observation_id")
    public Observation observation;

    @Column(nullable = false)
    public int revision;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Operation operation;

    @Column(name = "obs_value", precision = 24, scale = 6)
    public BigDecimal value;

    @Column(name = "not_applicable", nullable = false)
    public boolean notApplicable;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    public ObservationStatus status;

    @Column(length = 2000)
    public String comment;

    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;

    @Column(name = "changed_by", nullable = false, length = 200)
    public String changedBy;

    static Revision of(Observation observation, Operation operation, long changeSeq) {
        Revision r = new Revision();
        r.observation = observation;
        r.revision = observation.revision;
        r.operation = operation;
        r.value = observation.value;
        r.notApplicable = observation.notApplicable;
        r.status = observation.status;
        r.comment = observation.comment;
        r.changedAt = observation.updatedAt;
        r.changedBy = observation.updatedBy;
        r.changeSeq = changeSeq;
        return r;
    }
}
