package org.familygateway.eligibility;

/**
 * How "at least N of" is read against the members who meet each problem. Cumbria's "more than one
 * family member must meet at least 2 of the 6 themes" has several readings (seeds analysis A-C1).
 */
enum MemberRule {
    /** The household meets N: who meets them does not matter (the national reading). */
    HOUSEHOLD,
    /** N are met, and not all by one member: between them at least two different members meet them. */
    SPREAD_ACROSS_MEMBERS,
    /** At least two members each meet N themselves (the literal, per-person reading). */
    EACH_OF_TWO_MEMBERS,
    /** N are met by the household, and the household has more than one member. */
    MULTI_MEMBER_HOUSEHOLD
}
