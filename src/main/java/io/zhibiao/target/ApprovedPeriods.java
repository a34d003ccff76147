package io.zhibiao.target;

import java.util.Collection;
import java.util.Set;

/**
 * The periods of units whose submission is APPROVED (design §7): with {@code dataStatus=approved} only their figures
 * count — the numbers a bureau reports upward. Offered by the reporting feature.
 */
public interface ApprovedPeriods {

    /** Keys {@code orgUnitId/startMonth/endMonth} of the approved periods of these units. */
    Set<String> approved(Collection<Long> orgUnitIds);

    static String key(long orgUnitId, int startMonth, int endMonth) {
        return orgUnitId + "/" + startMonth + "/" + endMonth;
    }
}
