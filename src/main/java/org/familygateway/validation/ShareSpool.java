package org.familygateway.validation;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.familygateway.model.RecordRejection;
import org.familygateway.model.RecordTally;
import org.familygateway.model.Rejection;

/**
 * Where a share's records go while it is read: accepted ones into chunk files of a few hundred
 * records (each a complete InformationShare with the original header), rejected ones into a file of
 * their own for quarantine. Each chunk is handed to the sink once written (and the rest keep being
 * read); whether the share is accepted is judged only at its end.
 */
final class ShareSpool implements AutoCloseable {

    private static final String OPEN = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<InformationShare xmlns=\""
            + ContractSchema.NAMESPACE + "\">";
    private static final String CLOSE = "</InformationShare>\n";

    private final Path folder;
    private final String header;
    private final int chunkSize;
    private final int maxListed;
    private final List<Path> chunks = new ArrayList<>();
    private final List<RecordRejection> listed = new ArrayList<>();
    private final String messageId;
    private final ChunkSink sink;
    private final Set<String> kindsInChunk = new LinkedHashSet<>();
    private Writer chunk;
    private Writer rejected;
    private int inChunk;
    private long received;
    private long accepted;
    private long rejectedCount;

    ShareSpool(Path folder, String header, int chunkSize, int maxListed, String messageId, ChunkSink sink) {
        this.messageId = messageId;
        this.sink = sink;
        this.folder = folder;
        this.header = header;
        this.chunkSize = chunkSize;
        this.maxListed = maxListed;
    }

    void accepted(String kind, String record) throws IOException {
        received++;
        accepted++;
        if (chunk == null || inChunk == chunkSize) {
            closeChunk();
            Path next = folder.resolve(String.format("chunk-%06d.xml", chunks.size() + 1));
            chunks.add(next);
            chunk = open(next);
        }
        chunk.write(record);
        kindsInChunk.add(kind);
        inChunk++;
    }

    void rejected(long position, String recordId, List<Rejection> problems, String record) throws IOException {
        received++;
        rejectedCount++;
        if (listed.size() < maxListed) {
            listed.add(new RecordRejection(position, recordId, problems));
        }
        if (rejected == null) {
            rejected = open(rejectedFile());
        }
        rejected.write(record);
    }

    RecordTally tally() {
        return new RecordTally(received, accepted, rejectedCount, listed);
    }

    List<Path> chunks() {
        return List.copyOf(chunks);
    }

    /** The rejected records, as read, in one InformationShare; null when none was rejected. */
    Path rejectedRecords() {
        return rejectedCount == 0 ? null : rejectedFile();
    }

    private Path rejectedFile() {
        return folder.resolve("rejected-records.xml");
    }

    private Writer open(Path file) throws IOException {
        Files.createDirectories(folder);
        Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 64 * 1024);
        out.write(OPEN);
        out.write(header);
        return out;
    }

    private void closeChunk() throws IOException {
        if (chunk != null) {
            chunk.write(CLOSE);
            chunk.close();
            chunk = null;
            inChunk = 0;
            sink.written(new ChunkSink.Chunk(messageId, chunks.size() - 1, chunks.get(chunks.size() - 1), Set.copyOf(kindsInChunk)));
            kindsInChunk.clear();
        }
    }

    @Override
    public void close() {
        try {
            closeChunk();
            if (rejected != null) {
                rejected.write(CLOSE);
                rejected.close();
                rejected = null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish the spool in " + folder, e);
        }
    }
}
