package io.zhibiao.observation;

import java.io.Closeable;
import java.util.Iterator;

/** Rows of an import, read one at a time so that memory does not grow with the file. */
public interface RowSource extends Iterator<ParsedRow>, Closeable {
}
