package io.zhibiao.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs an export and checks the signature of one, so that a backup cannot be edited and imported: turning a viewer
 * token into an admin, or un-revoking a token, needs the key.
 *
 * <p>
 * After every {@value #BLOCK} lines of an export, and once after its trailer, comes a checkpoint line
 * {@code {"mac":…,"lines":"101-200","each":…}}: {@code mac} is the HMAC-SHA256 of the previous checkpoint's mac, the
 * range and the block's bytes, so the chain covers every byte in order (a reordered, removed or added line, or one
 * from another export, breaks it); {@code each} holds a short HMAC per line, keyed to the export's id and the line's
 * number, which only serves to name the line that was changed. Checkpoint lines are not part of the data and not in
 * the trailer's SHA-256. Plain Java, no framework.
 */
final class ExportSignature {

    /** Lines per checkpoint. */
    static final int BLOCK = 100;

    static final String ALGORITHM = "HMAC-SHA256";
    static final String NONE = "none";

    /** Bytes of a line's own short MAC: only to find the line, the block's full MAC is what authenticates. */
    private static final int LINE_MAC_BYTES = 4;
    private static final byte[] CHECKPOINT_PREFIX = "{\"mac\":".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_LINE_BYTES = 16 << 20;

    private ExportSignature() {
    }

    /** Whether an export line is a checkpoint rather than data. */
    static boolean isCheckpoint(byte[] line) {
        return line.length >= CHECKPOINT_PREFIX.length
                && Arrays.equals(line, 0, CHECKPOINT_PREFIX.length, CHECKPOINT_PREFIX, 0, CHECKPOINT_PREFIX.length);
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM has no HmacSHA256", e);
        }
    }

    static byte[] keyBytes(String key) {
        return key.strip().getBytes(StandardCharsets.UTF_8);
    }

    /** The state both sides keep: the chain so far and the block being read or written. */
    private static final class Chain {

        private final Mac block;
        private final Mac line;
        private final byte[] exportId;
        private byte[] previous = new byte[0];
        private final ByteArrayOutputStream each = new ByteArrayOutputStream(BLOCK * LINE_MAC_BYTES);
        private long first = 1;
        private int lines;

        Chain(byte[] key, String exportId) {
            this.block = mac(key);
            this.line = mac(key);
            this.exportId = exportId.getBytes(StandardCharsets.UTF_8);
            block.update(previous);
        }

        /** Adds a data line, which is physical line {@code number} of the file. */
        byte[] add(byte[] bytes, long number) {
            if (lines == 0) {
                first = number;
            }
            block.update(bytes);
            line.update(exportId);
            line.update((":" + number + ":").getBytes(StandardCharsets.US_ASCII));
            line.update(bytes);
            byte[] own = Arrays.copyOf(line.doFinal(), LINE_MAC_BYTES);
            each.writeBytes(own);
            lines++;
            return own;
        }

        boolean full() {
            return lines == BLOCK;
        }

        boolean empty() {
            return lines == 0;
        }

        String range(long last) {
            return first + "-" + last;
        }

        /** Closes the block that ends at physical line {@code last}: its checkpoint's mac and per-line macs. */
        byte[][] close(long last) {
            block.update(range(last).getBytes(StandardCharsets.US_ASCII));
            byte[] tag = block.doFinal();
            byte[][] closed = {tag, each.toByteArray()};
            previous = tag;
            block.update(previous);
            each.reset();
            lines = 0;
            return closed;
        }
    }

    /**
     * An output stream that passes an export through and writes a checkpoint after every {@value #BLOCK} lines;
     * {@link #finish()} writes the last one. Without a key it only passes the bytes through.
     */
    static final class Signer extends OutputStream {

        private final OutputStream out;
        private final Chain chain;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream(512);
        private long lineNumber;

        Signer(OutputStream out, byte[] key, String exportId) {
            this.out = out;
            this.chain = key == null ? null : new Chain(key, exportId);
        }

        @Override
        public void write(int b) throws IOException {
            if (chain == null) {
                out.write(b);
                return;
            }
            pending.write(b);
            if (b == '\n') {
                endLine();
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (chain == null) {
                out.write(b, off, len);
                return;
            }
            int start = off;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    pending.write(b, start, i + 1 - start);
                    endLine();
                    start = i + 1;
                }
            }
            pending.write(b, start, off + len - start);
        }

        private void endLine() throws IOException {
            byte[] line = pending.toByteArray();
            pending.reset();
            out.write(line);
            chain.add(line, ++lineNumber);
            if (chain.full()) {
                checkpoint();
            }
        }

        private void checkpoint() throws IOException {
            long last = lineNumber;
            String range = chain.range(last);
            byte[][] closed = chain.close(last);
            HexFormat hex = HexFormat.of();
            out.write(("{\"mac\":\"" + hex.formatHex(closed[0]) + "\",\"lines\":\"" + range + "\",\"each\":\""
                    + hex.formatHex(closed[1]) + "\"}\n").getBytes(StandardCharsets.US_ASCII));
            lineNumber++;
        }

        /** Writes the last checkpoint; every line must be complete. */
        void finish() throws IOException {
            if (chain != null) {
                if (pending.size() > 0) {
                    throw new IllegalStateException("an export line was left unfinished");
                }
                if (!chain.empty()) {
                    checkpoint();
                }
            }
            out.flush();
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }

    /**
     * Checks a whole signed export before anything is imported: every line must sit in a block whose checkpoint
     * matches, in order, up to a final checkpoint after the last line.
     *
     * @throws BadExport naming the first line that does not match, or what is missing
     */
    static void verify(InputStream in, byte[] key) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        byte[] header = readLine(in, 1);
        if (header == null) {
            throw new BadExport("the body is empty; an export starts with its header line");
        }
        JsonNode head;
        try {
            head = mapper.readTree(header);
        } catch (IOException e) {
            throw new BadExport("line 1 is not the header of a Zhibiao export");
        }
        if (!ALGORITHM.equals(head.path("signature").asText()) || !head.path("exportId").isTextual()) {
            throw new BadExport("line 1 does not say the export is signed (" + ALGORITHM + ")");
        }
        Chain chain = new Chain(key, head.path("exportId").asText());
        HexFormat hex = HexFormat.of();
        java.util.List<byte[]> own = new java.util.ArrayList<>(BLOCK);
        long number = 1;
        own.add(chain.add(header, number));
        byte[] line;
        boolean closed = false;
        while ((line = readLine(in, number + 1)) != null) {
            number++;
            if (!isCheckpoint(line)) {
                closed = false;
                own.add(chain.add(line, number));
                if (own.size() > BLOCK) {
                    throw new BadExport("line " + number + " should be a signature checkpoint: a line was added "
                            + "before it, or the checkpoint was removed");
                }
                continue;
            }
            if (own.isEmpty()) {
                throw new BadExport("line " + number + " is a signature checkpoint where none belongs");
            }
            long first = number - own.size();
            JsonNode checkpoint;
            byte[] expectedEach;
            byte[] expectedMac;
            try {
                checkpoint = mapper.readTree(line);
                expectedMac = hex.parseHex(checkpoint.path("mac").asText());
                expectedEach = hex.parseHex(checkpoint.path("each").asText());
            } catch (IOException | IllegalArgumentException e) {
                throw new BadExport("line " + number + " is a damaged signature checkpoint");
            }
            byte[][] actual = chain.close(number - 1);
            if (!MessageDigest.isEqual(actual[0], expectedMac)
                    || !(first + "-" + (number - 1)).equals(checkpoint.path("lines").asText())) {
                throw new BadExport(mismatch(own, expectedEach, first, number));
            }
            own.clear();
            closed = true;
        }
        if (!closed) {
            throw new BadExport("the export ends at line " + number + " without its last signature checkpoint: it "
                    + "is truncated");
        }
    }

    /** The first line of a failed block whose own mac differs, or the checkpoint itself when none does. */
    private static String mismatch(java.util.List<byte[]> own, byte[] expectedEach, long first, long checkpoint) {
        for (int i = 0; i < own.size(); i++) {
            int at = i * LINE_MAC_BYTES;
            if (expectedEach.length < at + LINE_MAC_BYTES
                    || !Arrays.equals(own.get(i), 0, LINE_MAC_BYTES, expectedEach, at, at + LINE_MAC_BYTES)) {
                long number = first + i;
                return number == 1
                        ? "line 1 does not match the export's signature: the export was signed with another key, "
                                + "or its header was changed"
                        : "line " + number + " does not match the export's signature: it was changed, removed, "
                                + "added or moved after the export was written";
            }
        }
        return "line " + checkpoint + " (a signature checkpoint) does not match the lines before it: the export was "
                + "changed after it was written";
    }

    /** The next line with its newline, or null at the end. */
    private static byte[] readLine(InputStream in, long number) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
        int b;
        while ((b = in.read()) != -1) {
            buffer.write(b);
            if (b == '\n') {
                return buffer.toByteArray();
            }
            if (buffer.size() > MAX_LINE_BYTES) {
                throw new BadExport("line " + number + " is longer than " + MAX_LINE_BYTES + " bytes");
            }
        }
        if (buffer.size() == 0) {
            return null;
        }
        throw new BadExport("line " + number + " is cut off: the export is truncated");
    }
}
