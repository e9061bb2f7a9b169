package org.familygateway.eligibility;

import java.util.List;

/** A fact test with its settings read: run over the chosen members on the evaluation date. */
@FunctionalInterface
interface Check {

    Finding run(Context context, List<Member> members);
}
