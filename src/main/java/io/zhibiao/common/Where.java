package io.zhibiao.common;

import io.quarkus.panache.common.Parameters;

/** A JPQL where clause built from optional filters: a filter whose value is null adds nothing. */
public final class Where {

    private final StringBuilder clause = new StringBuilder("1 = 1");
    private final Parameters params = new Parameters();

    /**
     * Adds {@code condition}, which names the parameter {@code :name}, unless {@code value} is
     * null.
     */
    public Where and(String condition, String name, Object value) {
        if (value != null) {
            clause.append(" and ").append(condition);
            params.and(name, value);
        }
        return this;
    }

    /** Adds a condition without parameters, unless {@code when} is false. */
    public Where and(String condition, boolean when) {
        if (when) {
            clause.append(" and ").append(condition);
        }
        return this;
    }

    public Parameters params() {
        return params;
    }

    @Override
    public String toString() {
        return clause.toString();
    }

    /**
     * A LIKE pattern for the paths under {@code path}: codes may hold '_' (LIKE's any-character), so '_', '%' and the
     * escape character itself are escaped; use with {@code escape '!'}.
     */
    public static String under(String path) {
        return path.replace("!", "!!").replace("_", "!_").replace("%", "!%") + "%";
    }

    /** A LIKE pattern for text containing {@code text} (lower-cased; '_', '%' and '!' escaped); use with escape '!'. */
    public static String containing(String text) {
        return "%" + text.toLowerCase(java.util.Locale.ROOT).replace("!", "!!").replace("_", "!_").replace("%", "!%")
                + "%";
    }
}
