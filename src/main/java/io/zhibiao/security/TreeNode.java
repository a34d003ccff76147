package io.zhibiao.security;

/**
 * A place in the org tree as access decisions see it: its code, and its materialised path ({@code
 * /pref/county/}).
 */
public interface TreeNode {

    String code();

    String path();
}
