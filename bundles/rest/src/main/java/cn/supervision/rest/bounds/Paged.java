package cn.supervision.rest.bounds;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a GET listing that can grow. The gateway then takes {@code offset} (default 0) and {@code limit} (default
 * {@value #DEFAULT_LIMIT}, at most {@value #MAX_LIMIT}; beyond is a 400) from the query, answers the requested slice of
 * the returned list as the same JSON array as before, and adds {@code X-Total-Count} and, when more follow, a
 * {@code Link: <…>; rel="next"} header. The method returns the whole list; it must not read {@code offset} or
 * {@code limit} itself.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Paged {
    int DEFAULT_LIMIT = 100;
    int MAX_LIMIT = 1_000;
}
