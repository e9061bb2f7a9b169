package org.familygateway.eligibility;

/**
 * A rule file or household file that cannot be used, with where and why in words a council's staff
 * can act on: the file, the place in it (problems[1].indicators[0].with.at_least_percent), the problem.
 */
public final class RuleFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    RuleFileException(String message) {
        super(message);
    }

    RuleFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
