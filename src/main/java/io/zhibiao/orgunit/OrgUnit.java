package io.zhibiao.orgunit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.zhibiao.security.TreeNode;
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
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Optional;

@Entity
@Table(name = "org_unit")
public class OrgUnit extends PanacheEntityBase implements TreeNode {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "org_unit_seq")
    @SequenceGenerator(name = "org_unit_seq", sequenceName = "org_unit_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false, unique = true, length = 64)
    public String code;

    @Column(nullable = false, length = 200)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public OrgUnitType type;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    public OrgUnit parent;

    /** Codes from the root, slash-delimited: {@code /pref/county/school/}. */
    @Column(nullable = false, length = 2000)
    public String path;

    /** First month the unit reports in (period index, {@link io.zhibiao.period.Period#index}); null: always open. */
    @Column(name = "opened_month")
    public Integer openedMonth;

    /** Last month the unit reports in (撤并, closed after it); null: still open. */
    @Column(name = "closed_month")
    public Integer closedMonth;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public static Optional<OrgUnit> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String path() {
        return path;
    }

    /** Whether the unit is open in the month (a period index): opened by then and not closed before it. */
    public boolean isOpenIn(int month) {
        return (openedMonth == null || openedMonth <= month) && (closedMonth == null || closedMonth >= month);
    }

    public boolean isWithin(OrgUnit ancestor) {
        return path.startsWith(ancestor.path);
    }
}
