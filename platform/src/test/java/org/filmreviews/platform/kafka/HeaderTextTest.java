package org.filmreviews.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class HeaderTextTest {

    @Test
    void theLastHeaderOfANameIsReadAsUtf8() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_subject", "older".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_subject", "Amélie".getBytes(StandardCharsets.UTF_8));

        assertThat(HeaderText.of(headers, "ce_subject")).isEqualTo("Amélie");
    }

    @Test
    void anAbsentHeaderOrOneWithoutAValueReadsAsNullAndAnEmptyOneAsEmpty() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(new RecordHeader("ce_time", (byte[]) null));
        headers.add("ce_source", new byte[0]);

        assertThat(HeaderText.of(headers, "ce_id")).isNull();
        assertThat(HeaderText.of(headers, "ce_time")).isNull();
        assertThat(HeaderText.of(headers, "ce_source")).isEmpty();
        assertThat(HeaderText.of(null)).isNull();
    }
}
