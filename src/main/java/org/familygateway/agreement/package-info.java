/**
 * Data-sharing agreements: who may share which categories, for what purposes, on which lawful basis,
 * whether consent is needed and whether a referral's consent holds, and what a recipient may receive.
 */
package org.familygateway.agreement;
