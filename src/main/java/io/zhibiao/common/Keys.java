package io.zhibiao.common;

import java.util.function.Predicate;

/**
 * The rules for the stable codes that key org units and indicators: required on create, unique,
 * never changed.
 */
public final class Keys {

    private Keys() {
    }

    /** A new resource's code: present and not taken. */
    public static String newCode(String what, String code, Predicate<String> taken) {
        if (code == null) {
            throw new ValidationFailed("code", "must not be blank");
        }
        if (taken.test(code)) {
            throw new Conflict(what + " '" + code + "' already exists");
        }
        return code;
    }

    /** On PUT the code is the path's; a body may repeat it but not change it. */
    public static void unchanged(String pathCode, String bodyCode) {
        if (bodyCode != null && !bodyCode.equals(pathCode)) {
            throw new ValidationFailed("code", "is the key and cannot change (was '" + pathCode + "')");
        }
    }
}
