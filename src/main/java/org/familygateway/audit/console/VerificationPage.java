package org.familygateway.audit.console;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jetty.http.HttpStatus;
import org.familygateway.audit.Checkpoint;
import org.familygateway.audit.Checkpoints;
import org.familygateway.audit.LogVerifier;
import org.familygateway.audit.Verification;

/** Whether the log verifies against its signed checkpoints, checked afresh for each view. */
final class VerificationPage implements Page {

    private static final int SHOWN = 20;

    private final LogVerifier verifier;
    private final Checkpoints checkpoints;
    private final Access access;

    VerificationPage(LogVerifier verifier, Checkpoints checkpoints, Access access) {
        this.verifier = verifier;
        this.checkpoints = checkpoints;
        this.access = access;
    }

    @Override
    public void serve(Web web) {
        List<Checkpoint> all = checkpoints.all();
        Verification verification = verifier.verify(all);
        access.viewed(web, "verification: " + (verification.intact() ? "verified" : "NOT verified"), null);
        String status = "<p id=\"status\" class=\"" + (verification.intact() ? "ok" : "bad") + "\">"
                + Html.esc(verification.summary()) + "</p>";
        List<List<String>> rows = new ArrayList<>();
        for (int i = all.size() - 1; i >= Math.max(0, all.size() - SHOWN); i--) {
            Checkpoint c = all.get(i);
            rows.add(List.of(Html.esc(c.size()), "<code>" + Html.esc(c.rootHex()) + "</code>", Html.esc(Html.time(c.signedAt()))));
        }
        String explanation = "<p class=\"note\">Each entry is a leaf of a Merkle tree (RFC 6962). The gateway signs the tree's "
                + "size and root (a checkpoint) with its key; verification recomputes every leaf and compares the tree with "
                + "every signed checkpoint. Keep copies of the checkpoints elsewhere with "
                + "<code>family-gateway audit checkpoints export DIR</code>.</p>";
        web.html(HttpStatus.OK_200, Html.page("Verification of the audit log", web.session, status + explanation
                + "<h2>Latest signed checkpoints</h2>" + Html.table(List.of("entries", "root", "signed"), rows, "checkpoints")));
    }
}
