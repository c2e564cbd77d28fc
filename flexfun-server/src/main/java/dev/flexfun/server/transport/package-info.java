/**
 * The Netty transport under gRPC: the event loops, and how bytes reach the socket.
 *
 * <p>Wired into the server by {@code dev.flexfun.server.FlightServerFactory} through Arrow's
 * {@code grpc.builderConsumer} hint; {@code FlexFunServer} closes it after the Flight server.
 */
package dev.flexfun.server.transport;
