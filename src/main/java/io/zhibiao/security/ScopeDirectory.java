package io.zhibiao.security;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The org units that scopes are made of, looked up for tokens and single sign-on. The org-unit
 * feature supplies it, so that security decides from paths without importing any feature.
 */
public interface ScopeDirectory {

    /** A unit of the org tree: its id (what tokens store), code and path. */
    record ScopeUnit(long id, String code, String path) implements TreeNode {
    }

    /** The unit a request field names; an unknown code is a validation error of that field. */
    ScopeUnit resolveScope(String field, String code);

    Optional<ScopeUnit> find(String code);

    Map<Long, ScopeUnit> byIds(Collection<Long> ids);
}
