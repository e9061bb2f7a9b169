/**
 * Who signed a message and whether to believe it: partners and their certificates, certificate
 * paths to the trust anchors, CMS and WS-Security verification, and the gateway's own signature
 * on receipts. Every check here fails closed and names its reason.
 */
package org.familygateway.trust;
