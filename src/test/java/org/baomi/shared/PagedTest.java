package org.baomi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PagedTest {

    record Page(long total, int page, int size) implements Paged {
    }

    @Test
    void pagesAreRoundedUpAndNothingFoundIsStillOnePage() {
        assertThat(new Page(0, 0, 20).totalPages()).isEqualTo(1);
        assertThat(new Page(20, 0, 20).totalPages()).isEqualTo(1);
        assertThat(new Page(21, 0, 20).totalPages()).isEqualTo(2);
        assertThat(new Page(Long.MAX_VALUE, 0, 1).totalPages()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void theFirstPageHasNoPreviousAndTheLastNoNext() {
        assertThat(new Page(45, 0, 20).hasPrevious()).isFalse();
        assertThat(new Page(45, 0, 20).hasNext()).isTrue();
        assertThat(new Page(45, 2, 20).hasPrevious()).isTrue();
        assertThat(new Page(45, 2, 20).hasNext()).isFalse();
    }
}
