/**
 * Graceful shutdown support: {@link dev.flexfun.server.lifecycle.InFlightCalls} refuses new calls
 * once shutdown begins and waits, within the grace period, for the running ones.
 */
package dev.flexfun.server.lifecycle;
