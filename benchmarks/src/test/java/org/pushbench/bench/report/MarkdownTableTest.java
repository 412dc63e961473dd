package org.pushbench.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MarkdownTableTest {

    @Test
    void aColumnNoRowHasAValueInIsLeftOut() {
        String md = new MarkdownTable("transport", "B/delivery", "empty polls", "peak held")
                .row("websocket", 153.0, null, null).row("long-polling", 309.0, null, 4.0).render();
        assertEquals("""
                | transport | B/delivery | peak held |
                | :--- | ---: | ---: |
                | websocket | 153 |  |
                | long-polling | 309 | 4 |
                """, md);
    }

    @Test
    void numbersKeepThreeSignificantFiguresAndThousandsSeparators() {
        assertEquals("1,235", MarkdownTable.format(1234.6));
        assertEquals("12.3", MarkdownTable.format(12.34));
        assertEquals("1.23", MarkdownTable.format(1.234));
        assertEquals("0.123", MarkdownTable.format(0.1234));
        assertEquals("", MarkdownTable.format(null));
    }
}
