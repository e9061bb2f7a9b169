package org.familygateway.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: run the gateway, simulate a partner, read the family team's queue or the audit, manage console users. */
@Command(name = "family-gateway", mixinStandardHelpOptions = true, version = "Family Gateway 0.1",
        description = "Secure data-exchange gateway for local-authority family-support programmes.",
        subcommands = {RunCommand.class, SimulateCommand.class, CasesCommand.class, AuditCommand.class, UsersCommand.class,
                CertificatesCommand.class, ReviewCommand.class, ExplainCommand.class, AgreementsCommand.class})
public final class GatewayCommand implements Runnable {

    public static void main(String[] args) {
        String[] arguments = args.length == 0 ? new String[] {"run"} : args;
        int exitCode = new CommandLine(new GatewayCommand())
                .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
                    commandLine.getErr().println(commandLine.getColorScheme().errorText(String.valueOf(e.getMessage())));
                    return 2;
                })
                .execute(arguments);
        System.exit(exitCode);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
