package io.zhibiao.validation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.zhibiao.indicator.Indicator;
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
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/** A validation rule (design §7), its expressions stored in canonical text. */
@Entity
@Table(name = "validation_rule")
public class ValidationRule extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "validation_rule_seq")
    @SequenceGenerator(name = "validation_rule_seq", sequenceName = "validation_rule_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false, length = 64)
    public String code;

    @Column(nullable = false, length = 200)
    public String name;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "org_unit_id")
    public OrgUnit orgUnit;

    @Column(name = "left_expr", nullable = false, length = 2000)
    public String left;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 2)
    public RuleOperator operator;

    @Column(name = "right_expr", nullable = false, length = 2000)
    public String right;

    @Column(precision = 30, scale = 10)
    public BigDecimal tolerance;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 5)
    public RuleSeverity severity;

    @Enumerated(EnumType.STRING)
    @Column(name = "missing_values", nullable = false, length = 20)
    public MissingValues missing;

    /** Org-unit types, comma-separated; null for the default (the units that post the rule's figures). */
    @Column(name = "applies_to", length = 200)
    public String appliesTo;

    @Column(length = 500)
    public String message;

    /** Every indicator the rule reads, derived ones with their components. */
    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "validation_rule_indicator", joinColumns = @JoinColumn(name = "rule_id"),
            inverseJoinColumns = @JoinColumn(name = "indicator_id"))
    public Set<Indicator> reads = new HashSet<>();

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false, length = 200)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false, length = 200)
    public String updatedBy;

    public Set<String> appliesToTypes() {
        return appliesTo == null || appliesTo.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(appliesTo.split(",")));
    }
}
