package io.zhibiao.alert;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A line waiting for its subscription's daily digest. */
@Entity
@Table(name = "alert_digest_line")
public class AlertDigestLine extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "alert_seq")
    @SequenceGenerator(name = "alert_seq", sequenceName = "alert_seq", allocationSize = 50)
    public Long id;

    @Column(name = "subscription_id", nullable = false)
    public long subscriptionId;

    @Column(nullable = false, length = 40)
    public String event;

    @Column(nullable = false, length = 2000)
    public String line;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
