package io.zhibiao.observation;

/**
 * Fired (synchronously, inside the import's transaction) each time an import has written a chunk:
 * observers may log or meter long imports; an observer that throws fails the import, which then
 * rolls back whole.
 *
 * @param rowsRead rows read from the file so far
 * @param written figures created or updated so far
 */
public record ImportProgress(String actor, long rowsRead, long written) {
}
