package org.familygateway.eligibility;

/** One way an indicator can be met: a fact test, with its settings, over some of the members. */
record Clause(String test, Who who, Check check) {

    Finding run(Context context) {
        return check.run(context, who.select(context.household(), context.on()));
    }
}
