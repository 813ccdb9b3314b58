package org.filmreviews.devinfra.launch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
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

    /** A port that was free a moment ago, for tests that must not collide with a running system. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port", e);
        }
    }
}
