package org.familygateway.audit.console;

/** One view or action of the console. */
@FunctionalInterface
interface Page {
    void serve(Web web) throws Exception;
}
