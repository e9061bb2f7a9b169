/**
 * What the family team receives: one case per household, built from the accepted messages about
 * it, published on {@code family-team.cases}.
 */
package org.familygateway.cases;
