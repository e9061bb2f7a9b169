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

    public Path of(Exchange exchange) {
        return root.resolve(exchange.getIn().getHeader(Headers.RECEIPT_ID, String.class));
    }

    public void remove(Exchange exchange) {
        Path work = of(exchange);
        if (Files.exists(work)) {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot clear " + work, e);
            }
        }
    }
}
