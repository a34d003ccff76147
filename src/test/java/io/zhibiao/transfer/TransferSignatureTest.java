package io.zhibiao.transfer;

import static io.zhibiao.support.Api.json;
import static io.zhibiao.support.Api.problem;
import static io.zhibiao.support.Api.token;
import static io.zhibiao.support.Fixtures.county;
import static io.zhibiao.support.Fixtures.orgUnit;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 30's backup attack, through the API: an export edited by hand (a VIEWER token made ADMIN, its SHA-256
 * recomputed) is refused before anything is written, and so are truncated, reordered and foreign files. The test
 * database holds data, so an export whose signature holds gets to the emptiness check (409): that is how a test here
 * sees a signature accepted.
 */
@QuarkusTest
class TransferSignatureTest {

    private static List<String> export() {
        return new ArrayList<>(json().accept(TransferResource.NDJSON).get("/api/v1/admin/export").then().statusCode(200)
                .extract().asString().lines().toList());
    }

    private static ValidatableResponse importing(List<String> lines, String query) {
        byte[] body = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        return json().contentType(TransferResource.NDJSON).body(body).post("/api/v1/admin/import" + query).then();
    }

    private static boolean checkpoint(String line) {
        return line.startsWith("{\"mac\":");
    }

    /** The trailer's SHA-256 made right again for the edited data, as an attacker would. */
    private static void recomputeChecksum(List<String> lines) throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        int trailer = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("{\"end\":true")) {
                trailer = i;
                break;
            }
            if (!checkpoint(lines.get(i))) {
                sha256.update((lines.get(i) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        lines.set(trailer, lines.get(trailer).replaceFirst("\"sha256\":\"[0-9a-f]+\"",
                "\"sha256\":\"" + HexFormat.of().formatHex(sha256.digest()) + "\""));
    }

    @Test
    void aTokenRowMadeAdminWithItsChecksumRecomputedIsRefusedNamingTheLine() throws Exception {
        token("VIEWER", orgUnit("SCHOOL", county()));
        List<String> lines = export();
        int row = -1;
        for (int i = 0; i < lines.size() && row < 0; i++) {
            if (lines.get(i).contains("\"table\":\"access_token\"")) {
                for (int j = i + 1; j < lines.size(); j++) {
                    if (lines.get(j).contains("\"VIEWER\"")) {
                        row = j;
                        break;
                    }
                }
            }
        }
        lines.set(row, lines.get(row).replace("\"VIEWER\"", "\"ADMIN\""));
        recomputeChecksum(lines);
        long before = json().get("/api/v1/org-units").then().extract().jsonPath().getLong("total");
        importing(lines, "").spec(problem(400, "validation_failed")).body("detail",
                startsWith("body: line " + (row + 1) + " does not match the export's signature"));
        // Even with unsigned=true a signed export is checked when the service holds the key.
        importing(lines, "?unsigned=true").spec(problem(400, "validation_failed"));
        json().get("/api/v1/org-units").then().body("total", org.hamcrest.Matchers.equalTo((int) before));
    }

    @Test
    void truncatedReorderedAndForeignExportsAreRefused() {
        county();
        List<String> mine = export();
        importing(mine, "").spec(problem(409, "conflict")); // the signature holds

        importing(mine.subList(0, mine.size() - 1), "").spec(problem(400, "validation_failed")).body("detail",
                containsString("without its last signature checkpoint"));
        List<String> reordered = new ArrayList<>(mine);
        String second = reordered.get(1);
        reordered.set(1, reordered.get(2));
        reordered.set(2, second);
        importing(reordered, "").spec(problem(400, "validation_failed")).body("detail",
                startsWith("body: line 2 does not match"));

        county(); // the next export differs from the first
        List<String> other = export();
        int differs = 1;
        while (mine.get(differs).equals(other.get(differs)) || checkpoint(mine.get(differs))) {
            differs++;
        }
        List<String> spliced = new ArrayList<>(mine);
        spliced.set(differs, other.get(differs));
        importing(spliced, "").spec(problem(400, "validation_failed"));
    }

    @Test
    void anUnsignedExportNeedsTheOperatorsExplicitWord() {
        List<String> unsigned = new ArrayList<>(export().stream().filter(l -> !checkpoint(l)).toList());
        unsigned.set(0, unsigned.get(0).replace("\"signature\":\"HMAC-SHA256\"", "\"signature\":\"none\""));
        importing(unsigned, "").spec(problem(400, "validation_failed")).body("detail", containsString("not signed"));
        importing(unsigned, "?unsigned=true").spec(problem(409, "conflict"));
        importing(unsigned, "?unsigned=maybe").spec(problem(400, "validation_failed"));
    }

    @Test
    void emptyHeaderOnlyAndGarbageBodiesAre400() {
        for (String body : new String[]{"", "\n", "{\"format\":\"zhibiao-export\"", "not json\n", "\u0000\u0000\n",
                "{\"format\":\"zhibiao-export\",\"signature\":\"HMAC-SHA256\",\"exportId\":\"x\"}\n"}) {
            json().contentType(TransferResource.NDJSON).body(body.getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/admin/import").then().spec(problem(400, "validation_failed"));
        }
        json().contentType(TransferResource.NDJSON).post("/api/v1/admin/import").then()
                .spec(problem(400, "validation_failed"));
    }
}
