package io.zhibiao.progress;

/** "18 of 20 schools reported": direct children with a value, of those whose subtree ever reported. */
public record Coverage(int reporting, int total) {
}
