package dev.flexfun.server.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import java.nio.ByteBuffer;

/**
 * Lets the socket write a kept result straight from its Arrow buffers.
 *
 * <p>A Flight batch message sent without a copy (a kept result, {@code FlexResult.shared}) is a
 * composite of a few small heap buffers (the protobuf header, padding) and the Arrow buffers, which
 * are direct memory. Netty's socket channels copy any buffer that is not wholly direct into one new
 * direct buffer before writing it, so every byte of a kept result was copied on the event loop, on
 * every read. Here only the heap parts are copied; the direct parts go to the socket as they are, in
 * one gathering write.
 *
 * <p>It sits next to the socket, after TLS (which writes direct buffers of its own, left alone).
 */
@ChannelHandler.Sharable
final class DirectWrites extends ChannelOutboundHandlerAdapter {
    static final DirectWrites INSTANCE = new DirectWrites();

    /** Below this, Netty's one copy costs less than a composite of the parts. */
    static final int MIN_BYTES = 16 * 1024;

    private DirectWrites() {
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof ByteBuf buf) || !worthRewriting(buf) || promise.isVoid()) {
            ctx.write(msg, promise);
            return;
        }
        ByteBuf direct;
        try {
            direct = directParts(ctx.alloc(), buf);
        } catch (RuntimeException | OutOfMemoryError e) {
            ctx.write(msg, promise); // no direct memory for the heap parts: Netty's own path fails it cleanly
            return;
        }
        // The direct parts point into buf's memory, so buf lives until the socket has taken them; Netty
        // completes the promise once it has written the message or dropped it (channel closed).
        promise.addListener(written -> buf.release());
        ctx.write(direct, promise);
    }

    private static boolean worthRewriting(ByteBuf buf) {
        return !buf.isDirect() && !buf.hasArray() && buf.readableBytes() >= MIN_BYTES && buf.nioBufferCount() > 1;
    }

    /** buf's readable bytes as direct memory: its direct parts wrapped (not owned), its heap parts copied. */
    private static ByteBuf directParts(ByteBufAllocator alloc, ByteBuf buf) {
        ByteBuffer[] parts = buf.nioBuffers();
        CompositeByteBuf out = alloc.compositeDirectBuffer(parts.length);
        try {
            for (ByteBuffer part : parts) {
                if (part.hasRemaining()) {
                    out.addComponent(true, part.isDirect() ? Unpooled.wrappedBuffer(part)
                            : alloc.directBuffer(part.remaining()).writeBytes(part.duplicate()));
                }
            }
            return out;
        } catch (RuntimeException | OutOfMemoryError e) {
            out.release();
            throw e;
        }
    }
}
