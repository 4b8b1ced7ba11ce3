import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the local stack's mail (GreenMail) the way a mail client does: over IMAP, one mailbox per recipient address,
 * login = the address, any password (authentication is disabled on the local stack). The mailboxes that exist are
 * listed through GreenMail's REST API (GET /api/user).
 *
 * <pre>
 * Mailbox list [--to ADDRESS] --imap HOST:PORT --api URL      N TO RECEIVED FROM SUBJECT, tab-separated, oldest first
 * Mailbox show N [--to ADDRESS] --imap HOST:PORT --api URL    headers and text body of message N of that list
 * Mailbox raw N [--to ADDRESS] --imap HOST:PORT --api URL     message N as received
 * </pre>
 *
 * Run by deploy/local/stack mail (compiled once against the GreenMail jar, which bundles Jakarta Mail / Angus Mail).
 */
public class Mailbox {

    private record Entry(String mailbox, long uid, Instant received, String from, String subject, byte[] source,
            Message message) {}

    public static void main(String[] args) throws Exception {
        String command = null;
        String to = null;
        String imap = "localhost:3143";
        String api = "http://localhost:3080/api";
        Integer number = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--to" -> to = args[++i];
                case "--imap" -> imap = args[++i];
                case "--api" -> api = args[++i];
                default -> {
                    if (command == null) {
                        command = args[i];
                    } else if (number == null && args[i].matches("[0-9]+")) {
                        number = Integer.parseInt(args[i]);
                    } else {
                        fail("unexpected argument: " + args[i]);
                    }
                }
            }
        }
        if (command == null) {
            command = "list";
        }
        String host = imap.substring(0, imap.lastIndexOf(':'));
        int port = Integer.parseInt(imap.substring(imap.lastIndexOf(':') + 1));
        List<String> mailboxes = to != null ? List.of(to) : mailboxes(api);

        Properties props = new Properties();
        props.put("mail.store.protocol", "imap");
        props.put("mail.imap.connectiontimeout", "5000");
        props.put("mail.imap.timeout", "10000");
        Session session = Session.getInstance(props);
        List<Entry> entries = new ArrayList<>();
        List<Store> stores = new ArrayList<>();
        try {
            for (String mailbox : mailboxes) {
                Store store = session.getStore("imap");
                store.connect(host, port, mailbox, "any");
                stores.add(store);
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                UIDFolder uids = (UIDFolder) inbox;
                for (Message m : inbox.getMessages()) {
                    ByteArrayOutputStream source = new ByteArrayOutputStream();
                    m.writeTo(source);
                    Instant received = m.getReceivedDate() != null
                            ? m.getReceivedDate().toInstant()
                            : m.getSentDate() != null ? m.getSentDate().toInstant() : Instant.EPOCH;
                    entries.add(new Entry(mailbox, uids.getUID(m), received, addresses(m.getFrom()),
                            oneLine(m.getSubject()), source.toByteArray(), m));
                }
            }
            entries.sort(Comparator.comparing(Entry::received)
                    .thenComparing(Entry::mailbox)
                    .thenComparingLong(Entry::uid));
            switch (command) {
                case "list" -> {
                    int n = 0;
                    for (Entry e : entries) {
                        System.out.println(++n + "\t" + e.mailbox() + "\t"
                                + e.received().truncatedTo(ChronoUnit.SECONDS) + "\t" + e.from() + "\t"
                                + e.subject());
                    }
                }
                case "show", "raw" -> {
                    if (number == null) {
                        fail(command + ": which message? (N from: mail list)");
                    }
                    if (number < 1 || number > entries.size()) {
                        fail("no message " + number + " (" + entries.size() + " messages"
                                + (to != null ? " for " + to : "") + ")");
                    }
                    Entry e = entries.get(number - 1);
                    if (command.equals("raw")) {
                        System.out.write(e.source());
                        System.out.flush();
                    } else {
                        show(e);
                    }
                }
                default -> fail("unknown command " + command + " (list, show N, raw N)");
            }
        } finally {
            for (Store store : stores) {
                store.close();
            }
        }
    }

    private static void show(Entry e) throws Exception {
        Message m = e.message();
        System.out.println("Mailbox: " + e.mailbox());
        System.out.println("Received: " + e.received());
        for (String name : List.of("From", "To", "Cc", "Reply-To", "Date", "Subject", "Message-ID")) {
            String[] values = m.getHeader(name);
            if (values != null) {
                for (String v : values) {
                    System.out.println(name + ": " + jakarta.mail.internet.MimeUtility.decodeText(oneLine(v)));
                }
            }
        }
        System.out.println();
        String text = text(m);
        System.out.println(text == null ? "(no text part; see: mail raw N)" : text.stripTrailing());
    }

    /** The text/plain part, else the first text part, else null. */
    private static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            String fallback = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String t = text(child);
                if (t != null && child.isMimeType("text/plain")) {
                    return t;
                }
                if (fallback == null) {
                    fallback = t;
                }
            }
            return fallback;
        }
        if (part.isMimeType("text/*")) {
            return String.valueOf(part.getContent());
        }
        return null;
    }

    /** The mailboxes GreenMail has (one per address it received mail for or that logged in). */
    private static List<String> mailboxes(String api) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(api + "/user")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            fail("GreenMail API " + api + "/user answered " + response.statusCode());
        }
        TreeSet<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("\"email\"\\s*:\\s*\"([^\"]*)\"").matcher(response.body());
        while (m.find()) {
            out.add(m.group(1));
        }
        return List.copyOf(out);
    }

    private static String addresses(Address[] addresses) {
        if (addresses == null || addresses.length == 0) {
            return "-";
        }
        List<String> out = new ArrayList<>();
        for (Address a : addresses) {
            out.add(a instanceof jakarta.mail.internet.InternetAddress ia ? ia.getAddress() : a.toString());
        }
        return String.join(",", out);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\t\\r\\n]+", " ").strip();
    }

    private static void fail(String message) {
        System.err.println("mail: " + message);
        System.exit(1);
    }
}
