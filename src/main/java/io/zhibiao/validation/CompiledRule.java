package io.zhibiao.validation;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;

/**
 * A stored rule parsed once and ready to check: the definition, where it applies, and the ids of the indicators its
 * codes name ({@code reads}: with the components of derived ones).
 */
record CompiledRule(long id, String code, String name, String orgUnitPath, RuleCheck.Definition definition,
        RuleSeverity severity, Set<String> appliesTo, String message, Map<String, Long> ids, Set<Long> reads,
        OffsetDateTime version) {

    /** Whether the rule's subtree holds the unit. */
    boolean covers(String unitPath) {
        return unitPath.startsWith(orgUnitPath);
    }

    /** Whether the rule names the unit's type, or names none (then the unit's own figures decide). */
    boolean typeMatches(String type) {
        return appliesTo.isEmpty() || appliesTo.contains(type);
    }

    /** What the clerk reads: the rule's own message, or the comparison with its values. */
    String describe(RuleCheck.Outcome outcome) {
        if (message != null && !message.isBlank()) {
            return message;
        }
        return definition.left().text() + " (" + outcome.left().toPlainString() + ") " + definition.operator().symbol()
                + " " + definition.right().text() + " (" + outcome.right().toPlainString() + ") does not hold";
    }
}
