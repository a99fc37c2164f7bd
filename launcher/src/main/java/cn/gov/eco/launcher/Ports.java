package cn.gov.eco.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Checks that a TCP port is free before something is started on it. */
public final class Ports {

    private Ports() {
    }

    /** True when nothing listens on {@code port} on any local address. */
    public static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true); // a socket in TIME_WAIT from a previous run does not count
            s.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails with a message naming {@code what} when {@code port} is taken. */
    public static void requireFree(int port, String what, String hint) {
        if (!isFree(port)) {
            throw new PortInUseException("Port " + port + " (" + what + ") is already in use: something is already"
                    + " running there (another ./start?). " + hint);
        }
    }

    public static final class PortInUseException extends RuntimeException {
        public PortInUseException(String message) {
            super(message);
        }
    }
}
