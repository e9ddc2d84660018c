package cn.supervision.rest.bounds;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that reads its request body itself, as a stream, under a limit of its own larger than the JSON cap
 * (workbooks, evidence files, data batches, bundle jars): typically through {@link Bodies#limited}, after it has
 * checked that the caller may upload at all. The gateway then holds such a body only to the upload ceiling
 * ({@code body.maxUploadMegabytes} in {@code etc/cn.supervision.rest.cfg}) instead of the JSON cap.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface StreamedBody {
}
