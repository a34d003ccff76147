package io.zhibiao.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The signature of an export: every kind of edit is refused, naming the line it touched. */
class ExportSignatureTest {

    private static final byte[] KEY = ExportSignature.keyBytes("a-key-of-at-least-thirty-two-characters");

    /** A header and {@code rows} data lines and a trailer, signed with {@code key} under {@code exportId}. */
    private static List<String> export(int rows, byte[] key, String exportId) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportSignature.Signer signer = new ExportSignature.Signer(out, key, exportId);
        signer.write(
                ("{\"format\":\"zhibiao-export\",\"exportId\":\"" + exportId + "\",\"signature\":\"HMAC-SHA256\"}\n")
                        .getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < rows; i++) {
            // Written in pieces that split lines, as a JSON generator's buffer would.
            byte[] row = ("[" + i + ",\"学校" + i + "\",\"VIEWER\"]\n").getBytes(StandardCharsets.UTF_8);
            signer.write(row, 0, 3);
            signer.write(row, 3, row.length - 3);
        }
        signer.write("{\"end\":true}\n".getBytes(StandardCharsets.UTF_8));
        signer.finish();
        return new ArrayList<>(out.toString(StandardCharsets.UTF_8).lines().toList());
    }

    private static void verify(List<String> lines, byte[] key) throws IOException {
        byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        ExportSignature.verify(new ByteArrayInputStream(bytes), key);
    }

    @Test
    void aSignedExportHasACheckpointAfterEveryHundredLinesAndAfterItsLast() throws IOException {
        List<String> lines = export(250, KEY, "e1");
        // 252 data lines (header, 250 rows, trailer) and three checkpoints.
        assertThat(lines).hasSize(255);
        assertThat(lines.get(100)).startsWith("{\"mac\":").contains("\"lines\":\"1-100\"");
        assertThat(lines.get(201)).contains("\"lines\":\"102-201\"");
        assertThat(lines.get(254)).startsWith("{\"mac\":").contains("\"lines\":\"203-254\"");
        assertThatCode(() -> verify(lines, KEY)).doesNotThrowAnyException();
    }

    @Test
    void oneChangedCharacterIsRefusedNamingItsLine() throws IOException {
        List<String> lines = export(250, KEY, "e1");
        lines.set(150, lines.get(150).replace("VIEWER", "ADMINR"));
        assertThatThrownBy(() -> verify(lines, KEY)).isInstanceOf(BadExport.class)
                .hasMessageStartingWith("line 151 does not match");
    }

    @Test
    void reorderedRemovedOrAddedLinesAreRefused() throws IOException {
        List<String> swapped = export(250, KEY, "e1");
        String line = swapped.get(30);
        swapped.set(30, swapped.get(31));
        swapped.set(31, line);
        assertThatThrownBy(() -> verify(swapped, KEY)).hasMessageStartingWith("line 31 does not match");

        List<String> removed = export(250, KEY, "e1");
        removed.remove(40);
        assertThatThrownBy(() -> verify(removed, KEY)).hasMessageStartingWith("line 41 does not match");

        List<String> added = export(250, KEY, "e1");
        added.add(50, "[999,\"加的\",\"ADMIN\"]");
        assertThatThrownBy(() -> verify(added, KEY)).isInstanceOf(BadExport.class);
    }

    @Test
    void aLineOrACheckpointFromAnotherExportIsRefused() throws IOException {
        List<String> mine = export(250, KEY, "e1");
        List<String> other = export(250, KEY, "e2");
        List<String> spliced = new ArrayList<>(mine);
        spliced.set(120, other.get(120).replace("学校", "学堂"));
        assertThatThrownBy(() -> verify(spliced, KEY)).hasMessageStartingWith("line 121 does not match");
        // Same bytes, other export: its checkpoints belong to its own id.
        List<String> foreignCheckpoint = new ArrayList<>(mine);
        foreignCheckpoint.set(100, other.get(100));
        assertThatThrownBy(() -> verify(foreignCheckpoint, KEY)).isInstanceOf(BadExport.class);
    }

    @Test
    void aTruncatedExportOrAMissingCheckpointIsRefused() throws IOException {
        List<String> lines = export(250, KEY, "e1");
        assertThatThrownBy(() -> verify(lines.subList(0, lines.size() - 1), KEY))
                .hasMessageContaining("without its last signature checkpoint");
        List<String> noCheckpoint = new ArrayList<>(lines);
        noCheckpoint.remove(100);
        assertThatThrownBy(() -> verify(noCheckpoint, KEY)).hasMessageContaining("should be a signature checkpoint");
        byte[] cut = (String.join("\n", lines)).getBytes(StandardCharsets.UTF_8); // no final newline
        assertThatThrownBy(() -> ExportSignature.verify(new ByteArrayInputStream(cut), KEY))
                .hasMessageContaining("cut off");
        assertThatThrownBy(() -> ExportSignature.verify(new ByteArrayInputStream(new byte[0]), KEY))
                .hasMessageContaining("empty");
    }

    @Test
    void anotherKeyIsRefusedAtTheFirstLine() throws IOException {
        List<String> lines = export(10, KEY, "e1");
        assertThatThrownBy(() -> verify(lines, ExportSignature.keyBytes("another-key-of-thirty-two-characters!!")))
                .hasMessageStartingWith("line 1 does not match").hasMessageContaining("another key");
    }

    @Test
    void anEditedCheckpointIsRefused() throws IOException {
        List<String> lines = export(10, KEY, "e1");
        int last = lines.size() - 1;
        lines.set(last, lines.get(last).replaceFirst("\"mac\":\"(.)", "\"mac\":\"" + "0"));
        if (lines.equals(export(10, KEY, "e1"))) {
            lines.set(last, lines.get(last).replaceFirst("\"mac\":\"(.)", "\"mac\":\"1"));
        }
        assertThatThrownBy(() -> verify(lines, KEY)).hasMessageContaining("line 13");
    }

    @Test
    void withoutAKeyTheSignerOnlyPassesTheBytesThrough() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportSignature.Signer signer = new ExportSignature.Signer(out, null, "e1");
        signer.write("{\"a\":1}\n[1]\n".getBytes(StandardCharsets.UTF_8));
        signer.finish();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}\n[1]\n");
    }
}
