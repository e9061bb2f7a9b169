package org.familygateway.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A gateway's Prometheus endpoint as read once (one scrape), and the values of the samples in it. */
public final class Metrics {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String text;

    private Metrics(String text) {
        this.text = text;
    }

    /** Reads http://127.0.0.1:PORT/metrics now. */
    public static Metrics scrape(int port) throws IOException, InterruptedException {
        return new Metrics(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    /**
     * The value of one series, named as the endpoint writes it: a bare name ({@code fg_sftp_arrivals_failing})
     * or a name with all its labels ({@code fg_queue_depth{queue="gateway.intake"}}); empty when it is not there.
     */
    public OptionalDouble value(String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
        return m.find() ? OptionalDouble.of(Double.parseDouble(m.group(1))) : OptionalDouble.empty();
    }

    /**
     * The sum of the labelled series of this metric whose labels contain the text given (e.g.
     * {@code area="heap"}; "" for all of them); 0 when there are none.
     */
    public double sum(String metric, String labelText) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(metric) + "\\{([^}]*)} (\\S+)$").matcher(text);
        double total = 0;
        while (m.find()) {
            if (m.group(1).contains(labelText)) {
                total += Double.parseDouble(m.group(2));
            }
        }
        return total;
    }
}
