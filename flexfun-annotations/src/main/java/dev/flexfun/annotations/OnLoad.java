package dev.flexfun.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code public static void} method called exactly once at server startup, before any
 * function is called. It takes no parameters or one {@code dev.flexfun.runtime.ServerContext}
 * (the settings, including custom sections, and the health monitor). If it throws, the server
 * does not start.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OnLoad {
}
