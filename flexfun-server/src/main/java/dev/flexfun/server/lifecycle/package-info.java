/**
 * Start and stop: {@link dev.flexfun.server.lifecycle.ArrowJvmFlags} refuses to start a JVM without
 * the flags Arrow needs; {@link dev.flexfun.server.lifecycle.InFlightCalls} refuses new calls once
 * shutdown begins and waits, within the grace period, for the running ones;
 * {@link dev.flexfun.server.lifecycle.ShuttingDown} is the error those calls get;
 * {@link dev.flexfun.server.lifecycle.StartupWarmUp} initializes slow classes beside the main thread's
 * start-up.
 */
package dev.flexfun.server.lifecycle;
