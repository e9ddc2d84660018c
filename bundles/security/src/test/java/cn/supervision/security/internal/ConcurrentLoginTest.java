package cn.supervision.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.security.auth.login.LoginException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.supervision.api.security.Caller;
import cn.supervision.testing.LocalJpaTemplate;

/** The same credentials arriving many times at once are verified once; the other arrivals take that answer. */
class ConcurrentLoginTest {
    static final int CLIENTS = 20;
    /** Verifications begun, and the gate each one waits at until the test has seen every client arrive. */
    static final AtomicInteger VERIFICATIONS = new AtomicInteger();
    static volatile CountDownLatch gate = new CountDownLatch(0);

    /** The realm's module, held at the gate so that every client arrives while the first verification runs. */
    public static final class GatedLoginModule extends UserFileLoginModule {
        @Override
        public boolean login() throws LoginException {
            VERIFICATIONS.incrementAndGet();
            try {
                if (!gate.await(30, TimeUnit.SECONDS)) {
                    throw new LoginException("test gate never opened");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LoginException("interrupted");
            }
            return super.login();
        }
    }

    @TempDir
    Path dir;
    private TestRealm realm;
    private final LocalJpaTemplate database = new LocalJpaTemplate(LoginThrottleTest.UNIT, LoginThrottleTest.XML);
    private final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);

    @BeforeEach
    void realm() throws Exception {
        realm = TestRealm.install(dir, GatedLoginModule.class);
    }

    @AfterEach
    void restore() {
        clients.shutdownNow();
        gate.countDown();
        realm.close();
        database.close();
    }

    @Test
    void aConnectionPoolLoggingInAtOnceCostsOneDerivation() throws Exception {
        JaasAuthenticator auth = new JaasAuthenticator(TestRealm.NAME, database);
        settleUsersFiles(auth);
        List<Future<Optional<Caller>>> answers = allAtOnce(auth, "right-password");
        for (Future<Optional<Caller>> a : answers) {
            assertTrue(a.get(30, TimeUnit.SECONDS).isPresent());
        }
        assertEquals(1, VERIFICATIONS.get(), "one verification for twenty arrivals of the same credentials");
    }

    @Test
    void theSameWrongPasswordAtOnceIsOneFailure() throws Exception {
        JaasAuthenticator auth = new JaasAuthenticator(TestRealm.NAME, database);
        settleUsersFiles(auth);
        for (Future<Optional<Caller>> a : allAtOnce(auth, "wrong-password")) {
            assertFalse(a.get(30, TimeUnit.SECONDS).isPresent());
        }
        assertEquals(1, VERIFICATIONS.get());
        assertEquals(0, auth.throttle().waitMillis("city", "10.0.0.5"),
                "one failure counted, not twenty: the free attempts of this source are not used up");
    }

    /** The realm's first login reads its files (and caches nothing): done here, before the test counts. */
    private static void settleUsersFiles(JaasAuthenticator auth) {
        gate = new CountDownLatch(0);
        auth.authenticate("city", "right-password".toCharArray(), "10.0.0.4");
        VERIFICATIONS.set(0);
    }

    /**
     * Twenty clients send the same credentials; the first verification is held until every other client is either
     * waiting for it (parked) or verifying too (the old behaviour, which the count then shows).
     */
    private List<Future<Optional<Caller>>> allAtOnce(JaasAuthenticator auth, String password) throws Exception {
        gate = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<Future<Optional<Caller>>> answers = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            answers.add(clients.submit(() -> {
                synchronized (threads) {
                    threads.add(Thread.currentThread());
                }
                return auth.authenticate("city", password.toCharArray(), "10.0.0.5");
            }));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            int verifying = VERIFICATIONS.get();
            long parked;
            synchronized (threads) {
                parked = threads.stream().filter(t -> t.getState() == Thread.State.WAITING).count();
            }
            if (verifying == CLIENTS || verifying + parked >= CLIENTS && threadsStarted(threads)) {
                break;
            }
            Thread.onSpinWait();
        }
        gate.countDown();
        return answers;
    }

    private static boolean threadsStarted(List<Thread> threads) {
        synchronized (threads) {
            return threads.size() == CLIENTS;
        }
    }
}
