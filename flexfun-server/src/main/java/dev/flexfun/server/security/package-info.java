/**
 * Token authentication ({@code authentication_method = "token"}).
 *
 * <p>Wired into the server by {@code dev.flexfun.server.FlightServerFactory} (verifier, authenticator,
 * interceptor) and {@code FlexFunProducer} (caller into the call's context); the calls it makes:
 * <pre>{@code
 * TokenVerifier verifier = TokenVerifiers.load(settings.tokenVerification(), serverContext, classLoader);
 * TokenAuthenticator auth = new TokenAuthenticator(verifier, settings.tokenHeaderName()); // null = Bearer
 * nettyServerBuilder.intercept(new TokenAuthInterceptor(auth)); // via the grpc.builderConsumer hint
 * // in the producer, on the gRPC thread: TokenAuthInterceptor.currentCaller() -> CallContextBuilder.caller(..)
 * // headers for functions: FunctionHeaders.of(callHeaders, auth.headerName())
 * }</pre>
 */
package dev.flexfun.server.security;
