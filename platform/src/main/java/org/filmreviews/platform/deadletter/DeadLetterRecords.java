package org.filmreviews.platform.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/**
 * What a dead letter says, read without a broker: the record its input delivered (for a re-drive), the letter
 * as operators see it, and how many letters of a topic still wait for a re-drive.
 */
final class DeadLetterRecords {

    private DeadLetterRecords() {
    }

    /**
     * The record as the input delivered it: original topic, position, key, value and headers, without the
     * dead-letter headers but with its re-drives counted one up (so a letter that fails again says how often).
     */
    static ConsumerRecord<String, byte[]> original(ConsumerRecord<String, byte[]> letter) {
        RecordHeaders headers = new RecordHeaders();
        int redrives = 0;
        for (Header header : letter.headers()) {
            if (header.key().equals(DeadLetters.REDRIVES)) {
                redrives = Integer.parseInt(DeadLetters.text(header));
            } else if (!header.key().startsWith("dead-letter-")) {
                headers.add(header);
            }
        }
        headers.add(DeadLetters.REDRIVES, Integer.toString(redrives + 1).getBytes(StandardCharsets.UTF_8));
        String topic = DeadLetters.text(letter.headers().lastHeader(DeadLetters.TOPIC));
        String partition = DeadLetters.text(letter.headers().lastHeader(DeadLetters.PARTITION));
        String offset = DeadLetters.text(letter.headers().lastHeader(DeadLetters.OFFSET));
        return new ConsumerRecord<>(topic, partition == null ? 0 : Integer.parseInt(partition),
                offset == null ? -1 : Long.parseLong(offset), letter.timestamp(), TimestampType.CREATE_TIME, -1, -1,
                letter.key(),
                letter.value(), headers, Optional.empty());
    }

    /** The letter as the admin endpoint lists it. */
    static DeadLetterRedrive.Letter letterOf(ConsumerRecord<String, byte[]> record) {
        Function<String, String> h = name -> DeadLetters.text(record.headers().lastHeader(name));
        return new DeadLetterRedrive.Letter(record.partition(), record.offset(), h.apply("ce_id"), h.apply("ce_type"),
                h.apply(DeadLetters.REASON), h.apply(DeadLetters.CAUSE), h.apply(DeadLetters.TOPIC),
                h.apply(DeadLetters.PARTITION) + "@" + h.apply(DeadLetters.OFFSET), h.apply(DeadLetters.TIME),
                h.apply(DeadLetters.REDRIVES));
    }

    /**
     * Letters waiting per topic: in each partition those from the group's committed offset (or the earliest one
     * still kept, when retention removed older letters) up to the end; topics in the order of {@code end}.
     *
     * @param end each partition's end offset
     * @param start each partition's earliest offset still kept (0 when unknown)
     * @param committed each partition's offset committed by the re-drive's group (absent: never re-driven)
     */
    static Map<String, Long> waiting(Map<TopicPartition, Long> end, Map<TopicPartition, Long> start,
            Map<TopicPartition, Long> committed) {
        Map<String, Long> counted = new LinkedHashMap<>();
        end.forEach((partition, last) -> {
            long from = Math.max(start.getOrDefault(partition, 0L), committed.getOrDefault(partition, 0L));
            counted.merge(partition.topic(), Math.max(0, last - from), Long::sum);
        });
        return counted;
    }
}
