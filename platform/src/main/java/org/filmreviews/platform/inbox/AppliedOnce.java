package org.filmreviews.platform.inbox;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/**
 * Marks a transactional event handler whose first parameter is the event's id: a redelivered event (one the
 * {@link Inbox} already holds for this consumer) returns at once, and a first delivery is recorded in the same
 * transaction as its effect. The method must be {@code @Transactional}; the check runs inside that transaction
 * ({@link AppliedOnceInterceptor}).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AppliedOnce {

    /** The consumer's name in the inbox; it is stored with every event applied, so it never changes. */
    @Nonbinding
    String value();
}
