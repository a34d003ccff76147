package io.zhibiao.lock;

import io.zhibiao.period.Period;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Decides whether a figure may still change: explicit locks cover an org unit's subtree (optionally
 * one indicator) for every observation period inside theirs; the optional automatic lock closes a
 * period a fixed number of days after it ends. Plain Java: single writes and every batch row ask
 * the same question.
 */
public record LockRules(List<Lock> locks, OptionalInt expiryDays) {

    /** One explicit lock. {@code indicatorId} null locks every indicator. */
    public record Lock(long id, String orgUnitPath, String orgUnitCode, Long indicatorId, Period period) {
    }

    /** Why the figure for this unit, indicator and period may not change, or empty when it may. */
    public Optional<String> violation(String orgUnitPath, long indicatorId, Period period, LocalDate today) {
        for (Lock lock : locks) {
            if (orgUnitPath.startsWith(lock.orgUnitPath()) && lock.period().contains(period)
                    && (lock.indicatorId() == null || lock.indicatorId() == indicatorId)) {
                return Optional.of(
                        period + " is locked for " + lock.orgUnitCode() + " and its subtree (lock " + lock.id() + ")");
            }
        }
        if (expiryDays.isPresent()) {
            LocalDate closes = YearMonth.from(period.end()).atEndOfMonth().plusDays(expiryDays.getAsInt());
            if (today.isAfter(closes)) {
                return Optional.of(period + " closed automatically on " + closes + " (" + expiryDays.getAsInt()
                        + " days after it ended)");
            }
        }
        return Optional.empty();
    }
}
