/**
 * Calling a remote HTTP API from a function with the JDK's {@link java.net.http.HttpClient}:
 * {@link dev.flexfun.runtime.http.RemoteHttp} gives the request what is left of the call's deadline
 * as its timeout, aborts it when the call is cancelled, and turns HTTP failures into the protocol's
 * errors.
 */
package dev.flexfun.runtime.http;
