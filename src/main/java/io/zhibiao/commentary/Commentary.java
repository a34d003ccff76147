package io.zhibiao.commentary;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.zhibiao.common.PeriodSpan;
import io.zhibiao.target.Target;
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

/** One version of the commentary on a target for a period (design §8): 进展情况, 存在问题, 下步措施. Never changed. */
@Entity
@Table(name = "target_commentary")
public class Commentary extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "commentary_seq")
    @SequenceGenerator(name = "commentary_seq", sequenceName = "commentary_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "target_id")
    public Target target;

    /** The period: its text and its months (range queries compare the months). */
    @Embedded
    public PeriodSpan span;

    @Column(nullable = false)
    public int revision;

    @Column(length = 4000)
    public String progress;

    @Column(length = 4000)
    public String problems;

    @Column(name = "next_steps", length = 4000)
    public String nextSteps;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false, length = 200)
    public String updatedBy;
}
