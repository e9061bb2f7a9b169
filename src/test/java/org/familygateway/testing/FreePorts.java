package org.familygateway.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ports nothing listens on now, so that test gateways never collide with each other or a running one.
 * Taken below Linux's ephemeral range (32768 and up): a port the kernel hands out for "any free
 * port" can be taken again, before the gateway binds it, as the local end of an outgoing connection
 * (to PostgreSQL, the broker): CI once failed to bind the metrics port that way. Each JVM starts at a
 * random place in the range and walks on, so two test JVMs rarely try the same port.
 */
public final class FreePorts {

    private static final int FIRST = 20_000;
    private static final int COUNT = 12_000;
    private static final AtomicInteger NEXT = new AtomicInteger(ThreadLocalRandom.current().nextInt(COUNT));

    private FreePorts() {
    }

    public static int next() {
        for (int tries = 0; tries < COUNT; tries++) {
            int port = FIRST + Math.floorMod(NEXT.getAndIncrement(), COUNT);
            if (free(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + FIRST + " and " + (FIRST + COUNT - 1));
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
