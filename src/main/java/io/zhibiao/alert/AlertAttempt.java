package io.zhibiao.alert;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One try to deliver a message, with what the receiver answered. */
@Entity
@Table(name = "alert_attempt")
public class AlertAttempt extends PanacheEntityBase {

    /** How a try ended: delivered, to be retried, throttled by the receiver (retried after a minute). */
    public enum Outcome {
        SENT, ERROR, THROTTLED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "alert_seq")
    @SequenceGenerator(name = "alert_seq", sequenceName = "alert_seq", allocationSize = 50)
    public Long id;

    @Column(name = "delivery_id", nullable = false)
    public long deliveryId;

    @Column(name = "channel_id", nullable = false)
    public long channelId;

    @Column(name = "attempted_at", nullable = false)
    public OffsetDateTime attemptedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public Outcome outcome;

    @Column(name = "http_status")
    public Integer httpStatus;

    @Column(length = 1000)
    public String answer;

    @Column(name = "duration_ms", nullable = false)
    public int durationMs;
}
