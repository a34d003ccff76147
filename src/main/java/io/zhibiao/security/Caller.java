package io.zhibiao.security;

/**
 * Who is calling: the name recorded in history, the role, and the subtree they act in.
 *
 * @param scopePath the materialised path of the scope root ({@code /pref/county/}), or null for the
 *     whole tree
 */
public record Caller(String name, Role role, String scopePath) {

    public static Caller system(String name) {
        return new Caller(name, Role.ADMIN, null);
    }

    public static Caller anonymousReader() {
        return new Caller("anonymous", Role.VIEWER, null);
    }

    public boolean coversAll() {
        return scopePath == null;
    }

    public boolean covers(String orgUnitPath) {
        return scopePath == null || orgUnitPath.startsWith(scopePath);
    }
}
