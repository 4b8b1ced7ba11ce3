package org.careloop.directory.availability;

/**
 * The arithmetic of places: a report sets a baseline, holds are counted against it. Pure logic, mirrored by the
 * database's generated {@code service_capacity.available} column.
 */
public final class Availability {

    private Availability() {}

    /**
     * Places free after holds: the baseline less the places held, never below 0 and never above the maximum.
     *
     * @param baseline places free with no hold open
     * @param held places held by open holds
     * @param maximum places in total, or null when unknown
     */
    public static int available(int baseline, int held, Integer maximum) {
        int free = Math.max(0, baseline - held);
        return maximum == null ? free : Math.min(free, maximum);
    }

    /**
     * The baseline a report implies. "X places are free now" is said while {@code held} places are held, so those
     * come back on top of X when their referrals end.
     *
     * @param reportedAvailable places the report says are free now
     * @param held places held when the report is made
     */
    public static int baseline(int reportedAvailable, int held) {
        return (int) Math.min(Integer.MAX_VALUE, (long) reportedAvailable + held);
    }
}
