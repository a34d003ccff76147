package io.zhibiao.alert;

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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/** Which events of which subtree a channel is told about, and when. */
@Entity
@Table(name = "alert_subscription")
public class AlertSubscription extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "alert_seq")
    @SequenceGenerator(name = "alert_seq", sequenceName = "alert_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "channel_id")
    public AlertChannel channel;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "org_unit_id")
    public OrgUnit orgUnit;

    /** The events, comma-separated. */
    @Column(nullable = false, length = 500)
    public String events;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public AlertMode mode;

    @Column(name = "digest_hour", nullable = false)
    public int digestHour;

    @Column(name = "last_digest_on")
    public LocalDate lastDigestOn;

    @Column(name = "created_by", nullable = false, length = 200)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    public Set<AlertEvent> eventSet() {
        Set<AlertEvent> set = EnumSet.noneOf(AlertEvent.class);
        Arrays.stream(events.split(",")).filter(s -> !s.isBlank()).map(AlertEvent::valueOf).forEach(set::add);
        return set;
    }
}
