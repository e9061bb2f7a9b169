package org.familygateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.time.Duration;
import java.time.LocalDate;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.familygateway.testing.SettableClock;
import org.junit.jupiter.api.Test;

class ArrivalRetriesTest {

    private final SettableClock clock = new SettableClock(LocalDate.of(2026, 11, 23));
    private final ArrivalRetries retries = new ArrivalRetries(clock, Duration.ofSeconds(5), Duration.ofMinutes(10), Duration.ofMinutes(5));
    private final GenericFile<File> arrival = file("/data/sftp/arrivals/example-police/r1__share.p7m", false);

    @Test
    void an_arrival_that_failed_is_held_back_until_its_next_try_and_each_failure_doubles_the_wait_up_to_the_longest() {
        assertThat(retries.accept(arrival)).isTrue();

        retries.failed(tryOf(arrival));
        assertThat(retries.accept(arrival)).isFalse();
        clock.advance(Duration.ofMillis(4_999));
        assertThat(retries.accept(arrival)).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(retries.accept(arrival)).isTrue();

        retries.failed(tryOf(arrival));
        clock.advance(Duration.ofSeconds(9));
        assertThat(retries.accept(arrival)).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(retries.accept(arrival)).isTrue();

        assertThat(retries.backOff(3)).isEqualTo(Duration.ofSeconds(20));
        assertThat(retries.backOff(7)).isEqualTo(Duration.ofSeconds(320));
        assertThat(retries.backOff(8)).isEqualTo(Duration.ofMinutes(10));
        assertThat(retries.backOff(1_000)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void other_arrivals_and_folders_are_not_held_back() {
        retries.failed(tryOf(arrival));

        assertThat(retries.accept(file("/data/sftp/arrivals/example-police/r2__other.p7m", false))).isTrue();
        assertThat(retries.accept(file("/data/sftp/arrivals/example-police", true))).isTrue();
        assertThat(retries.failingCount()).isEqualTo(1);
    }

    @Test
    void once_answered_an_arrival_is_no_longer_failing_and_a_later_failure_starts_the_back_off_again() {
        retries.failed(tryOf(arrival));
        clock.advance(Duration.ofSeconds(5));
        retries.failed(tryOf(arrival));
        clock.advance(Duration.ofSeconds(10));

        retries.answered(tryOf(arrival));
        assertThat(retries.failingCount()).isZero();
        assertThat(retries.accept(arrival)).isTrue();

        retries.failed(tryOf(arrival));
        clock.advance(Duration.ofSeconds(5));
        assertThat(retries.accept(arrival)).isTrue();
    }

    @Test
    void health_reports_an_arrival_failing_for_longer_than_the_limit_and_how_many_are_failing() {
        retries.failed(tryOf(arrival));
        clock.advance(Duration.ofMinutes(2));
        retries.failed(tryOf(file("/data/sftp/arrivals/example-school/r3__share.p7m", false)));
        clock.advance(Duration.ofMinutes(3));
        assertThat(retries.problem()).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        assertThat(retries.problem()).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith("2 SFTP arrival(s) could not be answered, the oldest failing since 2026-11-23T12:00:00Z (1 tries)")
                .doesNotContain("share.p7m"));
    }

    private static GenericFile<File> file(String path, boolean directory) {
        GenericFile<File> file = new GenericFile<>();
        file.setAbsoluteFilePath(path);
        file.setAbsolute(true);
        file.setFileName(path.substring(path.indexOf("arrivals/") + "arrivals/".length()));
        file.setRelativeFilePath(file.getFileName());
        file.setDirectory(directory);
        return file;
    }

    private static Exchange tryOf(GenericFile<File> file) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(ExchangePropertyKey.FILE_EXCHANGE_FILE, file);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new IllegalStateException("the receipts folder is not a folder"));
        return exchange;
    }
}
