/**
 * Token authentication ({@code authentication_method = "token"}).
 *
 * <p>Wiring into the server:
 * <pre>{@code
 * TokenVerifier verifier = TokenVerifiers.load(settings.tokenVerification(), serverContext, classLoader);
 * TokenAuthenticator auth = new TokenAuthenticator(verifier, settings.tokenHeaderName()); // null = Bearer
 * TokenAuthInterceptor.install(flightServerBuilder, auth);
 * // in the producer, on the gRPC thread: TokenAuthInterceptor.currentCaller() -> CallContextBuilder.caller(..)
 * // headers for functions: FunctionHeaders.of(callHeaders, auth.headerName())
 * }</pre>
 */
package dev.flexfun.server.security;
