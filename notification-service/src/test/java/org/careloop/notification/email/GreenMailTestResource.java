package org.careloop.notification.email;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) in the test JVM on a free port, handed to {@code quarkus.mailer}. Under
 * {@link SmtpDownProfile} the mailer is pointed at a port where nothing listens instead.
 */
public class GreenMailTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile GreenMail server;

    private boolean smtpDown;

    @Override
    public void setContext(Context context) {
        smtpDown = SmtpDownProfile.class.getName().equals(context.testProfile());
    }

    @Override
    public synchronized Map<String, String> start() {
        if (smtpDown) {
            return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", Integer.toString(closedPort()));
        }
        GreenMail mail = new GreenMail(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
        server = mail;
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(mail.getSmtp().getPort()),
                "quarkus.mailer.start-tls", "DISABLED");
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Every message the server received so far. */
    public static List<MimeMessage> received() {
        GreenMail mail = server;
        if (mail == null) {
            throw new IllegalStateException("The test SMTP server is not running");
        }
        return Arrays.asList(mail.getReceivedMessages());
    }

    /** A port that was free a moment ago: nothing listens there. */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
