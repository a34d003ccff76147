package io.zhibiao.validation;

/** What a failing rule does to the write that made it fail (design §7). */
public enum RuleSeverity {
    /** The write is refused: 422 validation_rule_failed, or the batch row rejected with that code. */
    BLOCK,
    /** The write is accepted and the answer carries the warning. */
    WARN
}
