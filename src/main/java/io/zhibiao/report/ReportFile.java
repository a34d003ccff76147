package io.zhibiao.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The bytes of a finished report, apart from its row so that lists never load them. */
@Entity
@Table(name = "report_file")
public class ReportFile extends PanacheEntityBase {

    @Id
    @Column(name = "report_id")
    public Long reportId;

    @JdbcTypeCode(SqlTypes.VARBINARY)
    @Column(nullable = false)
    public byte[] content;
}
