package org.familygateway.eligibility;

/** How "the last three consecutive terms" is read on a given day (seeds analysis §8.2). */
enum TermWindow {
    /** The three most recent terms that had ended on or before the day (the default). */
    COMPLETED,
    /** The term under way, taken to date, and the two before it. */
    INCLUDING_CURRENT
}
