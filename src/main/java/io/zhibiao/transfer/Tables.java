package io.zhibiao.transfer;

import java.util.List;

/**
 * What an export holds: every table of the schema, parents before children, each in a stable order. A table added by
 * a migration must be added here ({@code TransferRoundTripTest} fails until it is).
 */
final class Tables {

    /**
     * One table: the columns it is ordered by, and the columns that point into the same table. Those are written in a
     * second pass, because a row may point at one that comes after it (a unit moved under a newer one, a formula
     * changed to a newer indicator).
     */
    record Table(String name, String orderBy, List<String> selfReferences) {
    }

    /** A sequence, restarted after an import beyond the largest value already drawn from it. */
    record Sequence(String name, String table, String column, int increment) {
    }

    static final List<Table> ALL = List.of(new Table("org_unit", "id", List.of("parent_id")),
            new Table("indicator", "id",
                    List.of("formula_numerator_id", "formula_denominator_id", "rank_indicator_id")),
            new Table("plan", "id", List.of()), new Table("target", "id", List.of()),
            new Table("target_milestone", "target_id, period", List.of()), new Table("observation", "id", List.of()),
            new Table("observation_revision", "change_seq", List.of()), new Table("access_token", "id", List.of()),
            new Table("target_change", "change_seq", List.of()), new Table("period_lock", "id", List.of()),
            new Table("idempotency_key", "idem_key", List.of()), new Table("data_version", "id", List.of()),
            new Table("submission", "id", List.of()), new Table("submission_event", "id", List.of()),
            new Table("validation_rule", "id", List.of()),
            new Table("validation_rule_indicator", "rule_id, indicator_id", List.of()),
            new Table("target_commentary", "id", List.of()), new Table("report", "id", List.of()),
            new Table("report_file", "report_id", List.of()), new Table("alert_channel", "id", List.of()),
            new Table("alert_subscription", "id", List.of()), new Table("report_schedule", "id", List.of()),
            new Table("alert_delivery", "id", List.of()), new Table("alert_attempt", "id", List.of()),
            new Table("alert_digest_line", "id", List.of()), new Table("alert_target_status", "target_id", List.of()),
            new Table("alert_cursor", "id", List.of()));

    static final List<Sequence> SEQUENCES = List.of(new Sequence("org_unit_seq", "org_unit", "id", 50),
            new Sequence("indicator_seq", "indicator", "id", 50), new Sequence("plan_seq", "plan", "id", 50),
            new Sequence("target_seq", "target", "id", 50), new Sequence("observation_seq", "observation", "id", 50),
            new Sequence("access_token_seq", "access_token", "id", 50),
            new Sequence("period_lock_seq", "period_lock", "id", 50),
            new Sequence("submission_seq", "submission", "id", 50),
            new Sequence("submission_event_seq", "submission_event", "id", 50),
            new Sequence("validation_rule_seq", "validation_rule", "id", 50),
            new Sequence("commentary_seq", "target_commentary", "id", 50),
            new Sequence("report_seq", "report", "id", 50), new Sequence("report_seq", "report_schedule", "id", 50),
            new Sequence("alert_seq", "alert_channel", "id", 50),
            new Sequence("alert_seq", "alert_subscription", "id", 50),
            new Sequence("alert_seq", "alert_delivery", "id", 50), new Sequence("alert_seq", "alert_attempt", "id", 50),
            new Sequence("alert_seq", "alert_digest_line", "id", 50),
            new Sequence("change_seq", "observation_revision", "change_seq", 1),
            new Sequence("change_seq", "target_change", "change_seq", 1),
            new Sequence("change_seq", "submission_event", "change_seq", 1));

    private Tables() {
    }
}
