package org.familygateway.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.apache.camel.Exchange;
import org.familygateway.model.Headers;

/** Each delivery's working files (SFTP content, a share's chunks) live in a folder named by its receipt id. */
public record WorkFolders(Path root) {

    private static final String PROPERTY = "familygateway.work";

    /** The delivery's folder; remembered on the exchange, so it can be cleared whatever happens to the headers. */
    public Path of(Exchange exchange) {
        Path work = exchange.getProperty(PROPERTY, Path.class);
        if (work == null) {
            work = root.resolve(exchange.getIn().getHeader(Headers.RECEIPT_ID, String.class));
            exchange.setProperty(PROPERTY, work);
        }
        return work;
    }

    public void remove(Exchange exchange) {
        Path work = exchange.getProperty(PROPERTY, Path.class);
        if (work != null && Files.exists(work)) {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot clear " + work, e);
            }
        }
    }
}
