package io.zhibiao.observation;

import java.util.Map;
import java.util.Optional;

/**
 * Which units' periods are held by a submission (SUBMITTED or APPROVED, design §7) and take no writes. Offered by the
 * reporting feature; every write path asks it under the write gate, so a write either commits before an approval or
 * is refused after it.
 */
public interface SubmissionHolds {

    /** The state holding the unit's cells of exactly this period, if one does. */
    Optional<String> heldBy(long orgUnitId, int startMonth, int endMonth);

    /** Every hold, keyed {@code orgUnitId/startMonth/endMonth} (for a batch, read once). */
    Map<String, String> all();

    static String key(long orgUnitId, int startMonth, int endMonth) {
        return orgUnitId + "/" + startMonth + "/" + endMonth;
    }

    /** The message every refused write carries. */
    static String message(String orgUnitCode, String period, String state) {
        return "the figures of " + orgUnitCode + " for " + period + " are " + state
                + "; they take no changes until a reviewer returns or reopens them";
    }
}
