package org.familygateway.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.h2.api.ErrorCode;
import org.h2.message.DbException;
import org.junit.jupiter.api.Test;

class TransactionsTest {

    @Test
    void the_embedded_database_closed_by_its_own_hook_at_shutdown_is_told_apart_from_other_failures() {
        SQLException closedByHook = DbException.get(ErrorCode.DATABASE_CALLED_AT_SHUTDOWN).getSQLException();
        SQLException closedByCommand = DbException.get(ErrorCode.DATABASE_IS_CLOSED).getSQLException();

        assertThat(Transactions.closedAtShutdown(new IllegalStateException("could not read the case outbox", closedByHook))).isTrue();
        assertThat(Transactions.closedAtShutdown(closedByHook)).isTrue();
        assertThat(Transactions.closedAtShutdown(new IllegalStateException("could not read the case outbox", closedByCommand))).isFalse();
        assertThat(Transactions.closedAtShutdown(new IllegalStateException("no cause"))).isFalse();
    }
}
