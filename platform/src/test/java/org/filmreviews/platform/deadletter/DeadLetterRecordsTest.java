package org.filmreviews.platform.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

class DeadLetterRecordsTest {

    private static ConsumerRecord<String, byte[]> letter(String redrives) {
        ConsumerRecord<String, byte[]> letter = new ConsumerRecord<>("review-service.film-registered.dlq", 2, 40L, "film-1",
                "{\"title\":\"Alien\"}".getBytes(StandardCharsets.UTF_8));
        add(letter, "ce_id", "event-1");
        add(letter, "ce_type", "org.filmreviews.film.registered.v1");
        add(letter, DeadLetters.TOPIC, "film-registered");
        add(letter, DeadLetters.PARTITION, "1");
        add(letter, DeadLetters.OFFSET, "17");
        add(letter, DeadLetters.REASON, "processing-failed");
        add(letter, DeadLetters.CAUSE, "IllegalStateException: no such film");
        add(letter, DeadLetters.TIME, "2026-12-07T12:00:00Z");
        if (redrives != null) {
            add(letter, DeadLetters.REDRIVES, redrives);
        }
        return letter;
    }

    private static void add(ConsumerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aReDrivenLetterIsTheRecordItsInputDeliveredWithoutTheDeadLetterHeaders() {
        ConsumerRecord<String, byte[]> original = DeadLetterRecords.original(letter(null));

        assertThat(original.topic()).isEqualTo("film-registered");
        assertThat(original.partition()).isEqualTo(1);
        assertThat(original.offset()).isEqualTo(17);
        assertThat(original.key()).isEqualTo("film-1");
        assertThat(new String(original.value(), StandardCharsets.UTF_8)).isEqualTo("{\"title\":\"Alien\"}");
        assertThat(DeadLetters.text(original.headers().lastHeader("ce_id"))).isEqualTo("event-1");
        assertThat(original.headers()).extracting(Header::key)
                .containsExactly("ce_id", "ce_type", DeadLetters.REDRIVES)
                .doesNotContain(DeadLetters.REASON, DeadLetters.TOPIC);
    }

    @Test
    void eachReDriveCountsOneMore() {
        assertThat(DeadLetters.text(DeadLetterRecords.original(letter(null)).headers().lastHeader(DeadLetters.REDRIVES)))
                .isEqualTo("1");
        assertThat(DeadLetters.text(DeadLetterRecords.original(letter("2")).headers().lastHeader(DeadLetters.REDRIVES)))
                .isEqualTo("3");
    }

    @Test
    void aLetterIsListedWithItsEventItsReasonAndWhereItWasRead() {
        DeadLetterRedrive.Letter listed = DeadLetterRecords.letterOf(letter("1"));

        assertThat(listed).isEqualTo(new DeadLetterRedrive.Letter(2, 40, "event-1", "org.filmreviews.film.registered.v1",
                "processing-failed", "IllegalStateException: no such film", "film-registered", "1@17", "2026-12-07T12:00:00Z",
                "1"));
    }

    @Test
    void lettersWaitFromTheCommittedOffsetOrTheEarliestKeptOneToTheEndSummedPerTopic() {
        TopicPartition a0 = new TopicPartition("a.dlq", 0);
        TopicPartition a1 = new TopicPartition("a.dlq", 1);
        TopicPartition b0 = new TopicPartition("b.dlq", 0);
        Map<TopicPartition, Long> end = new LinkedHashMap<>();
        end.put(a0, 10L);
        end.put(a1, 5L);
        end.put(b0, 8L);

        Map<String, Long> waiting = DeadLetterRecords.waiting(end,
                Map.of(a0, 0L, a1, 3L, b0, 0L), // retention removed a1's first three letters
                Map.of(a0, 4L)); // a0 re-driven up to 4; a1 and b0 never

        assertThat(waiting).containsExactly(Map.entry("a.dlq", 6L + 2L), Map.entry("b.dlq", 8L));
    }

    @Test
    void aCommittedOffsetBeyondTheEndCountsNoLetterRatherThanANegativeNumber() {
        TopicPartition p = new TopicPartition("a.dlq", 0);

        assertThat(DeadLetterRecords.waiting(Map.of(p, 3L), Map.of(), Map.of(p, 7L))).containsEntry("a.dlq", 0L);
    }
}
