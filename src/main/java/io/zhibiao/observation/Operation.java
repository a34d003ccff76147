package io.zhibiao.observation;

/** What a revision did to its observation. */
public enum Operation {
    CREATE, UPDATE, DELETE
}
