package io.zhibiao.common;

import java.util.List;

/** 422 validation_rule_failed: the write would make a BLOCK validation rule fail (design §7). */
public class RuleFailed extends ApiException {

    private final transient List<RuleFailure> failures;

    public RuleFailed(List<RuleFailure> failures) {
        super(422, "validation_rule_failed", "Validation rule failed", describe(failures));
        this.failures = List.copyOf(failures);
    }

    @Override
    public List<RuleFailure> failures() {
        return failures;
    }

    private static String describe(List<RuleFailure> failures) {
        RuleFailure first = failures.get(0);
        return "rule " + first.rule() + " fails: " + first.message()
                + (failures.size() > 1 ? " (and " + (failures.size() - 1) + " more)" : "");
    }
}
