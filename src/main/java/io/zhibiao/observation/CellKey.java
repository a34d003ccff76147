package io.zhibiao.observation;

/**
 * The natural key of a figure as the database holds it: a canonical period and its months are the
 * same thing.
 */
record CellKey(long indicatorId, long orgUnitId, int startMonth, int endMonth) {

    /**
     * The record's own hash is 31-based, so the keys of one series (start = end, moving together)
     * differ by multiples of 32 and pile up in a few buckets of a chunk's map; this one spreads
     * them.
     */
    @Override
    public int hashCode() {
        long h = indicatorId * 0x9E3779B97F4A7C15L + orgUnitId;
        h = h * 0x9E3779B97F4A7C15L + startMonth;
        h = h * 0x9E3779B97F4A7C15L + endMonth;
        return (int) (h ^ (h >>> 32));
    }

    static CellKey of(ObservationValidator.Valid row) {
        return new CellKey(row.indicator().id, row.orgUnit().id, row.period().startMonth(), row.period().endMonth());
    }
}
