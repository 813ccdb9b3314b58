-- The whole trace context of an outbox row (traceparent, tracestate, baggage: whatever the propagator writes),
-- not only its traceparent. Rows written before keep their traceparent, which the relay still reads.
ALTER TABLE outbox_event ADD COLUMN trace_context jsonb;
