package dev.flexfun.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code public static void} method called exactly once when the server stops, after the
 * running calls have drained and before the server checks its Arrow memory for leaks: the place
 * to free what functions keep between calls (connections, pools, cached Arrow data). It takes no
 * parameters or one {@code dev.flexfun.runtime.ServerContext}. If it throws, the failure is
 * logged and the other hooks still run; the server still stops.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OnShutdown {
}
