package org.filmreviews.catalog.service.projection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.filmreviews.events.InvalidEventException;
import org.filmreviews.platform.kafka.IncomingEvent;

/**
 * Reads the records of a rebuild into events on every core: decoding and schema-checking each record's JSON is half
 * of a rebuild's work (JFR), and it needs nothing but the record. Order is kept; applying the events stays on one
 * thread. The helper threads are made by the caller's thread, so they see its class loader.
 */
final class ParallelDecoder implements AutoCloseable {

    private final Map<String, Class<?>> payloads;
    private final int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    private final ExecutorService helpers = Executors.newFixedThreadPool(Math.max(1, threads - 1), runnable -> {
        Thread thread = new Thread(runnable, "page-rebuild-decoder");
        thread.setDaemon(true);
        return thread;
    });

    /** @param payloads the payload type of each topic */
    ParallelDecoder(Map<String, Class<?>> payloads) {
        this.payloads = payloads;
    }

    /** The event of each record, in order; null where a record is not a valid event (the live consumer dead-letters those). */
    List<IncomingEvent<?>> decode(List<ConsumerRecord<String, byte[]>> records) {
        int size = records.size();
        IncomingEvent<?>[] events = new IncomingEvent<?>[size];
        int slice = (size + threads - 1) / Math.max(1, threads);
        List<Future<?>> running = new ArrayList<>();
        for (int from = slice; from < size; from += slice) {
            int start = from;
            running.add(helpers.submit(() -> decode(records, events, start, Math.min(size, start + slice))));
        }
        decode(records, events, 0, Math.min(size, slice));
        try {
            for (Future<?> each : running) {
                each.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while decoding the log", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not decode the log", e.getCause());
        }
        return Arrays.asList(events);
    }

    private void decode(List<ConsumerRecord<String, byte[]>> records, IncomingEvent<?>[] events, int from, int to) {
        for (int i = from; i < to; i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            try {
                events[i] = IncomingEvent.read(record, payloads.get(record.topic()));
            } catch (InvalidEventException e) {
                events[i] = null;
            }
        }
    }

    @Override
    public void close() {
        helpers.shutdownNow();
    }
}
