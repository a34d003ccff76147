package io.zhibiao.progress;

/**
 * How an indicator's figures are written: whole counts, decimal amounts, or percentages on a 0–100
 * scale.
 */
public enum ValueType {
    INTEGER, DECIMAL, PERCENT
}
