/**
 * Start-up and wiring: reads the deployment's configuration, starts the embedded parts (database,
 * broker) or connects to the real ones, runs Camel with the routes in {@code routes/}, and the
 * command line.
 */
package org.familygateway.app;
