package org.familygateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;

import org.familygateway.app.Database;
import org.familygateway.model.v1.ChannelType;
import org.familygateway.model.v1.OutcomeType;
import org.familygateway.model.v1.ReceiptType;
import org.familygateway.testing.SettableClock;
import org.familygateway.testing.TestDatabases;
import org.familygateway.testing.TestDatabases.Kind;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The archive of issued receipts. A delivery taken up again after a restart (the gateway stopped
 * after keeping its receipt, before removing its SFTP arrival) is answered again under the same
 * receipt id: the archive keeps the later answer instead of refusing it, which had made every try
 * of that arrival fail, for ever (found by the crash harness's long mode).
 */
class ReceiptArchiveTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void a_receipt_issued_again_under_its_id_replaces_the_earlier_and_leaves_the_others(Kind kind) {
        TestDatabases.Target target = TestDatabases.fresh(kind, folder);
        try (Database database = Database.open(target.url(), target.user(), target.password())) {
            ReceiptArchive archive = new ReceiptArchive(database.dataSource(), new SettableClock(LocalDate.of(2026, 11, 23)));
            archive.keep(receipt("r-1", OutcomeType.RETRY_LATER), bytes("first answer to r-1"));
            archive.keep(receipt("r-2", OutcomeType.ACCEPTED), bytes("the answer to r-2"));

            archive.keep(receipt("r-1", OutcomeType.ACCEPTED), bytes("r-1 taken up again after a restart"));

            assertThat(archive.signed("r-1")).hasValue(bytes("r-1 taken up again after a restart"));
            assertThat(archive.signed("r-2")).hasValue(bytes("the answer to r-2"));
            assertThat(archive.signed("r-3")).isEmpty();
        }
    }

    private static ReceiptType receipt(String id, OutcomeType outcome) {
        ReceiptType receipt = new ReceiptType();
        receipt.setReceiptId(id);
        receipt.setPartnerId("example-police");
        receipt.setMessageId("m-" + id);
        receipt.setChannel(ChannelType.SFTP);
        receipt.setOutcome(outcome);
        return receipt;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
