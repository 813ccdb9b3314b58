package org.filmreviews.platform.idempotency;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * The first response to a request sent with an {@code Idempotency-Key}, kept so that a retry gets the
 * same answer instead of doing the work again. {@code status} is null while the first request runs.
 */
@Entity
@Table(name = "idempotency_key")
@IdClass(IdempotencyRecord.Key.class)
public class IdempotencyRecord {

    @Id
    public String caller;

    @Id
    @Column(name = "idempotency_key")
    public String key;

    /** Method, path and body of the first request: a reused key with another request is an error. */
    public String fingerprint;

    public Integer status;

    @Column(name = "content_type")
    public String contentType;

    public String body;

    public String location;

    @Column(name = "created_at")
    public Instant createdAt;

    public static class Key implements Serializable {
        public String caller;
        public String key;

        public Key() {
        }

        public Key(String caller, String key) {
            this.caller = caller;
            this.key = key;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Objects.equals(caller, other.caller) && Objects.equals(key, other.key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(caller, key);
        }
    }
}
