package dev.flexfun.server.transport;

import io.grpc.netty.NettyServerBuilder;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The Netty transport under the Flight server: what gRPC picks by itself (native epoll on Linux,
 * Java NIO elsewhere, two event loop threads a core), made here so that every accepted connection
 * writes through {@link DirectWrites} and may queue {@link #QUEUED_BYTES_HIGH} for its socket.
 * gRPC leaves event loops it was given running: {@link #close()} stops them after the server.
 */
public final class NettyTransport implements AutoCloseable {
    /**
     * Bytes a connection may queue for its socket before HTTP/2 flow control holds the rest. It is
     * also the largest DATA frame sent (the client permitting): at Netty's 64 KiB a 3 MB batch went
     * out as 48 frames and 48 small writes. What is queued is what the streams have already produced
     * (each stream waits for gRPC's readiness before it produces more), so it adds no unbounded memory.
     */
    static final int QUEUED_BYTES_HIGH = 4 * 1024 * 1024;

    private final EventLoopGroup acceptor;
    private final EventLoopGroup eventLoops;
    private final Supplier<ServerChannel> listeningChannels;

    private NettyTransport(IoHandlerFactory io, Supplier<ServerChannel> listeningChannels) {
        this.acceptor = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("flexfun-accept", true), io);
        this.eventLoops = new MultiThreadIoEventLoopGroup(0, new DefaultThreadFactory("flexfun-netty", true), io);
        this.listeningChannels = listeningChannels;
    }

    /** Native epoll where Netty can load it, else Java NIO. */
    public static NettyTransport create() {
        return Epoll.isAvailable() ? epoll() : nio();
    }

    static NettyTransport epoll() {
        return new NettyTransport(EpollIoHandler.newFactory(), EpollServerSocketChannel::new);
    }

    static NettyTransport nio() {
        return new NettyTransport(NioIoHandler.newFactory(), NioServerSocketChannel::new);
    }

    /** Has {@code builder} serve on this transport. */
    public void applyTo(NettyServerBuilder builder) {
        builder.bossEventLoopGroup(acceptor).workerEventLoopGroup(eventLoops).channelFactory(() -> {
            ServerChannel listening = listeningChannels.get();
            listening.pipeline().addLast(AddDirectWrites.INSTANCE);
            return listening;
        });
        builder.withChildOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                new WriteBufferWaterMark(QUEUED_BYTES_HIGH / 2, QUEUED_BYTES_HIGH));
    }

    /** Stops the event loops, at once: call it after the server has stopped. */
    @Override
    public void close() throws InterruptedException {
        acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        eventLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        acceptor.terminationFuture().await(2, TimeUnit.SECONDS);
        eventLoops.terminationFuture().await(2, TimeUnit.SECONDS);
    }

    /**
     * On the listening channel: puts {@link DirectWrites} first in each accepted connection's
     * pipeline (next to the socket), before gRPC adds its handlers behind it.
     */
    @ChannelHandler.Sharable
    private static final class AddDirectWrites extends ChannelInboundHandlerAdapter {
        static final AddDirectWrites INSTANCE = new AddDirectWrites();

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof Channel accepted) {
                accepted.pipeline().addFirst("flexfun-direct-writes", DirectWrites.INSTANCE);
            }
            ctx.fireChannelRead(msg);
        }
    }
}
