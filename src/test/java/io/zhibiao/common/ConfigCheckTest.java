package io.zhibiao.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConfigCheckTest {

    record Imports(int chunkSize, int maxCellChars, int maxColumns) implements ZhibiaoConfig.Imports {

        @Override
        public int maxRows() {
            return 2_000_000;
        }

        @Override
        public int maxConflicts() {
            return 1000;
        }

        @Override
        public long maxBodyBytes() {
            return 1L << 30;
        }

        @Override
        public long maxSharedStringsBytes() {
            return 1L << 27;
        }

        @Override
        public int maxRosterRows() {
            return 50_000;
        }
    }

    @Test
    void theDefaultsAndTheBoundsThemselvesPass() {
        assertThat(ConfigCheck.problems(new Imports(5000, 32767, 64))).isEmpty();
        assertThat(ConfigCheck.problems(new Imports(1, 1, 4))).isEmpty();
    }

    @Test
    void eachValueOutsideItsRangeIsNamedWithWhatItIs() {
        assertThat(ConfigCheck.problems(new Imports(5001, 32767, 64)))
                .containsExactly("zhibiao.imports.chunk-size must be between 1 and 5000 (is 5001)");
        assertThat(ConfigCheck.problems(new Imports(0, 0, 3))).containsExactly(
                "zhibiao.imports.chunk-size must be between 1 and 5000 (is 0)",
                "zhibiao.imports.max-cell-chars must be at least 1 (is 0)",
                "zhibiao.imports.max-columns must be at least 4 (is 3)");
    }
}
