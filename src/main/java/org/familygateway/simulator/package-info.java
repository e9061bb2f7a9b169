/**
 * A partner agency's side of the conversation, for trying the gateway out and for its tests: signs a
 * message with a partner's key and sends it by SOAP or SFTP, then checks the gateway's receipt.
 */
package org.familygateway.simulator;
