package org.filmreviews.devinfra.launch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.net.Socket;

/** Port checks, so that a clash is reported in words instead of as a failed bind deep in a log. */
public final class Ports {

    private Ports() {
    }

    public static void requireFree(int port, String what) {
        if (inUse(port)) {
            throw new IllegalStateException("Port " + port + " on 127.0.0.1 is already in use; it is needed for " + what);
        }
    }

    public static boolean inUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Ports handed out for servers here are taken below the kernel's range for outgoing connections (Linux: from
     * 32768), so that a connection some process opens meanwhile cannot take a port before its server binds it; and
     * never twice in one process.
     */
    private static final int LOWEST = 20_000;
    private static final int HIGHEST = 32_000;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    /** A port that was free a moment ago, for tests that must not collide with a running system. */
    public static int free() {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = LOWEST + ThreadLocalRandom.current().nextInt(HIGHEST - LOWEST);
            if (!HANDED_OUT.add(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
                return port;
            } catch (IOException taken) {
                // someone else's: try another
            }
        }
        throw new IllegalStateException("No free port between " + LOWEST + " and " + HIGHEST);
    }
}
