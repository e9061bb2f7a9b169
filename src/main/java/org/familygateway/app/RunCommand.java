package org.familygateway.app;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Runs the gateway until it is stopped (Ctrl-C or SIGTERM), then stops every part cleanly. */
@Command(name = "run", description = "Run the gateway (embedded broker, database and SFTP server unless configured otherwise).")
final class RunCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Override
    public Integer call() throws InterruptedException {
        Gateway gateway = Gateway.start(config.settings());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            stopped.countDown();
        }, "gateway-shutdown"));
        stopped.await();
        return 0;
    }
}
