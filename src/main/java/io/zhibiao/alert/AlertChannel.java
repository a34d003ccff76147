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
import java.time.OffsetDateTime;

/** A place messages go: a DingTalk or WeCom group robot, a webhook, or e-mail addresses. The secret is write-only. */
@Entity
@Table(name = "alert_channel")
public class AlertChannel extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "alert_seq")
    @SequenceGenerator(name = "alert_seq", sequenceName = "alert_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false, length = 100)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public ChannelType type;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "org_unit_id")
    public OrgUnit orgUnit;

    @Column(nullable = false, length = 2000)
    public String url;

    @Column(length = 500)
    public String secret;

    @Column(name = "created_by", nullable = false, length = 200)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
