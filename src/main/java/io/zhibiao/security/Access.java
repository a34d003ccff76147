package io.zhibiao.security;

import io.zhibiao.common.Forbidden;
import io.zhibiao.common.Where;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The one place that decides who may do what. Reads outside the caller's subtree look like missing
 * rows (404, no hint that they exist); writes outside it, or by a role that may not write there,
 * are 403.
 */
@ApplicationScoped
public class Access {

    @Inject
    CallerContext context;

    public Caller caller() {
        return context.get();
    }

    /** The caller's name for history columns ({@code updatedBy}, {@code changedBy}). */
    public String actor() {
        return caller().name();
    }

    /**
     * The one way to keep a list inside the caller's subtree: a where clause on {@code
     * pathExpression}, the JPQL path of the rows' org-unit path ({@code t.orgUnit.path}), to which
     * the list adds its own filters.
     */
    public Where where(String pathExpression) {
        String scope = caller().scopePath();
        return new Where().and(pathExpression + " like :scope escape '!'", "scope",
                scope == null ? null : Where.under(scope));
    }

    /**
     * The same subtree as a LIKE pattern (escape '!') for native SQL on an org unit's path column; "/%" is the
     * whole tree.
     */
    public String pathPattern() {
        String scope = caller().scopePath();
        return Where.under(scope == null ? "/" : scope);
    }

    public boolean canSee(TreeNode node) {
        return caller().covers(node.path());
    }

    /** The caller's role may write this area at all (shared catalogues such as indicators). */
    public void checkWrite(Area area) {
        Caller caller = caller();
        if (!area.writableBy(caller.role())) {
            throw new Forbidden("a " + caller.role() + " token may not change " + area.label());
        }
    }

    /** The caller may write this area inside every given unit (a move writes to both places). */
    public void checkWrite(Area area, TreeNode... nodes) {
        checkWrite(area);
        for (TreeNode node : nodes) {
            if (node != null && !caller().covers(node.path())) {
                throw new Forbidden(outsideScope(caller(), node.code()));
            }
        }
    }

    /** Why a write into the unit is refused: it lies outside the caller's subtree. */
    private static String outsideScope(Caller caller, String orgUnitCode) {
        return "org unit '" + orgUnitCode + "' is outside the subtree of token '" + caller.name() + "'";
    }

    /** Creating a root org unit needs a caller whose scope is the whole tree. */
    public void checkWriteRoot(Area area) {
        checkWrite(area);
        if (!caller().coversAll()) {
            throw new Forbidden("only a token for the whole tree may create a root org unit");
        }
    }
}
