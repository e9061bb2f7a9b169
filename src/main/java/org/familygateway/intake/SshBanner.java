package org.familygateway.intake;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * Whether an SSH server answers a new connection with its identification line ("SSH-2.0-..."), as
 * every SSH server must before anything else (RFC 4253 section 4.2). A server whose listening socket
 * is open but which no longer accepts connections lets the connection in (the kernel queues it) and
 * then says nothing, so only waiting for the line shows it. Used by the health check and by the SFTP
 * server's own watch.
 */
public final class SshBanner {

    private static final int MAX_LINE = 255;

    private SshBanner() {
    }

    /** Empty when the server sent its identification line within the time given; else what went wrong. */
    public static Optional<String> problem(String host, int port, Duration within) {
        int millis = (int) Math.max(1, within.toMillis());
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), millis);
            socket.setSoTimeout(millis);
            InputStream in = socket.getInputStream();
            Optional<String> problem = identification(in).startsWith("SSH-") ? Optional.empty()
                    : Optional.of("no SSH identification from " + host + ":" + port);
            leaveQuietly(socket, in);
            return problem;
        } catch (SocketTimeoutException e) {
            return Optional.of("no SSH identification from " + host + ":" + port + " within " + millis + " ms");
        } catch (IOException e) {
            return Optional.of("cannot reach " + host + ":" + port + ": " + e.getMessage());
        }
    }

    private static String identification(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != -1 && b != '\n' && line.length() < MAX_LINE; b = in.read()) {
            line.append((char) b);
        }
        return line.toString();
    }

    /**
     * Says goodbye with a FIN and reads what the server already sent until it closes too: closing with
     * its key exchange offer still unread would reset the connection, which the server logs as an
     * error every time the check runs.
     */
    private static void leaveQuietly(Socket socket, InputStream in) {
        try {
            socket.shutdownOutput();
            socket.setSoTimeout(1000);
            byte[] drain = new byte[4096];
            while (in.read(drain) != -1) {
                // the server's key exchange offer, discarded
            }
        } catch (IOException e) {
            // the answer was already had; how the connection ends does not change it
        }
    }
}
