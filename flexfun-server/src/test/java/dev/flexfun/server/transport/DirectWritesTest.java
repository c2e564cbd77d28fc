package dev.flexfun.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What reaches the socket from {@link DirectWrites}: a Flight-like message (heap header, direct Arrow
 * data, heap padding) arrives as direct memory with the same bytes, its direct part not copied, and
 * the message is released once written or dropped.
 */
class DirectWritesTest {
    private static final int DATA_BYTES = 64 * 1024;

    private EmbeddedChannel channel;
    /** Stands for an Arrow buffer: the test keeps its own reference, so the memory outlives the message. */
    private ByteBuf arrowData;

    @BeforeEach
    void setUp() {
        channel = new EmbeddedChannel(DirectWrites.INSTANCE);
        byte[] bytes = new byte[DATA_BYTES];
        ThreadLocalRandom.current().nextBytes(bytes);
        arrowData = Unpooled.directBuffer(DATA_BYTES).writeBytes(bytes);
    }

    @AfterEach
    void tearDown() {
        channel.finishAndReleaseAll();
        assertEquals(1, arrowData.refCnt(), "the data buffer's references are off");
        arrowData.release();
    }

    private CompositeByteBuf flightLikeMessage() {
        return Unpooled.compositeBuffer().addComponents(true, Unpooled.wrappedBuffer(new byte[] {1, 2, 3, 4, 5}),
                arrowData.retain(), Unpooled.wrappedBuffer(new byte[] {0, 0, 0}));
    }

    @Test
    void aMessageWithHeapPartsReachesTheSocketAsDirectMemoryWithItsDataNotCopied() {
        CompositeByteBuf message = flightLikeMessage();
        byte[] expected = ByteBufUtil.getBytes(message);
        assertFalse(message.isDirect(), "the message under test must be what Netty would copy");

        ChannelFuture written = channel.writeAndFlush(message);

        assertTrue(written.isSuccess(), () -> "write failed: " + written.cause());
        assertEquals(0, message.refCnt(), "the message is released once written");
        ByteBuf sent = channel.readOutbound();
        try {
            assertTrue(sent.isDirect(), "what reaches the socket is direct memory");
            assertEquals(expected.length, sent.readableBytes());
            assertTrue(ByteBufUtil.equals(Unpooled.wrappedBuffer(expected), sent), "the bytes changed");
            CompositeByteBuf parts = (CompositeByteBuf) sent;
            assertEquals(3, parts.numComponents());
            assertEquals(arrowData.memoryAddress(), parts.internalComponent(1).memoryAddress(),
                    "the direct part was copied instead of written as it is");
        } finally {
            sent.release();
        }
    }

    @Test
    void aMessageDroppedBecauseTheChannelClosedIsReleasedToo() {
        CompositeByteBuf message = flightLikeMessage();
        channel.close();

        ChannelFuture written = channel.writeAndFlush(message);

        assertFalse(written.isSuccess());
        assertEquals(0, message.refCnt(), "a message the closed channel dropped leaked");
    }

    @Test
    void smallMessagesAndWholeBuffersPassUntouched() {
        ByteBuf small = Unpooled.compositeBuffer().addComponents(true, Unpooled.wrappedBuffer(new byte[] {1}),
                Unpooled.directBuffer(16).writeZero(16));
        ByteBuf heap = Unpooled.wrappedBuffer(new byte[DirectWrites.MIN_BYTES * 2]);
        ByteBuf direct = arrowData.retainedDuplicate();

        channel.writeAndFlush(small);
        channel.writeAndFlush(heap);
        channel.writeAndFlush(direct);

        for (ByteBuf expected : new ByteBuf[] {small, heap, direct}) {
            ByteBuf sent = channel.readOutbound();
            assertSame(expected, sent);
            sent.release();
        }
    }

    @Test
    void aWriteWithoutACompletionToWaitForPassesUntouched() {
        CompositeByteBuf message = flightLikeMessage();

        channel.writeAndFlush(message, channel.voidPromise());

        ByteBuf sent = channel.readOutbound();
        assertSame(message, sent, "without a promise nothing could release the message after the write");
        sent.release();
    }
}
