package dev.flexfun.server.lifecycle;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class StartupWarmUpTest {
    static final AtomicBoolean WARMED_UP = new AtomicBoolean();
    static final AtomicBoolean AFTER_FAILURE_INITIALIZED = new AtomicBoolean();

    /** A rename in Arrow would make an entry silently useless: each must name a class the server has. */
    @Test
    void everyListedClassIsOnTheServersClassPath() {
        ClassLoader loader = StartupWarmUp.class.getClassLoader();
        for (String name : StartupWarmUp.CLASSES) {
            assertDoesNotThrow(() -> Class.forName(name, false, loader), name);
        }
    }

    @Test
    void theListedClassesAreInitialized() {
        assertFalse(WARMED_UP.get());
        StartupWarmUp.run(List.of(InitializedByTheWarmUp.class.getName()), getClass().getClassLoader());
        assertTrue(WARMED_UP.get());
    }

    @Test
    void aMissingOrFailingClassIsSkippedAndTheRestStillInitialized() {
        StartupWarmUp.run(List.of("dev.flexfun.NoSuchClass", FailsToInitialize.class.getName(),
                InitializedAfterAFailure.class.getName()), getClass().getClassLoader());
        assertTrue(AFTER_FAILURE_INITIALIZED.get());
    }

    @Test
    void startRunsOnADaemonThreadThatEnds() throws InterruptedException {
        Thread thread = StartupWarmUp.start();
        assertTrue(thread.isDaemon(), "a daemon: the warm-up never keeps a stopping JVM alive");
        thread.join(30_000);
        assertFalse(thread.isAlive());
    }

    static final class InitializedByTheWarmUp {
        static {
            WARMED_UP.set(true);
        }

        private InitializedByTheWarmUp() {
        }
    }

    static final class FailsToInitialize {
        static {
            if (WARMED_UP != null) { // always true; javac refuses an initializer that cannot complete
                throw new IllegalStateException("a broken static initializer");
            }
        }

        private FailsToInitialize() {
        }
    }

    static final class InitializedAfterAFailure {
        static {
            AFTER_FAILURE_INITIALIZED.set(true);
        }

        private InitializedAfterAFailure() {
        }
    }
}
