package io.zhibiao.reporting;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
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

/** One transition of a submission: who did what, when and why; kept for ever. */
@Entity
@Table(name = "submission_event")
public class SubmissionEvent extends PanacheEntityBase {

    public enum Action {
        SUBMIT, APPROVE, RETURN, REOPEN
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "submission_event_seq")
    @SequenceGenerator(name = "submission_event_seq", sequenceName = "submission_event_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "submission_id")
    public Submission submission;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    public Action action;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    public Submission.State state;

    @Column(name = "acted_by", nullable = false, length = 200)
    public String actedBy;

    @Column(name = "acted_at", nullable = false)
    public OffsetDateTime actedAt;

    @Column(length = 2000)
    public String reason;

    /** Its place on the changes feed. */
    @Column(name = "change_seq")
    public Long changeSeq;
}
