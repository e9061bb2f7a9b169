package org.familygateway.audit.console;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jetty.http.HttpStatus;
import org.familygateway.audit.Checkpoints;

/** Administration: console users (disable, enable) and signing a checkpoint now. Users are added on the command line. */
final class AdminPage {

    private final ConsoleUsers users;
    private final Checkpoints checkpoints;

    AdminPage(ConsoleUsers users, Checkpoints checkpoints) {
        this.users = users;
        this.checkpoints = checkpoints;
    }

    void show(Web web) {
        List<List<String>> rows = new ArrayList<>();
        for (ConsoleUsers.User user : users.all()) {
            String action = user.disabled() ? "enable" : "disable";
            rows.add(List.of(Html.esc(user.name()), Html.esc(user.role().label()), user.disabled() ? "disabled" : "active",
                    "<form method=\"post\" action=\"/admin/users/" + action + "\">" + Html.csrf(web.session)
                            + "<input type=\"hidden\" name=\"name\" value=\"" + Html.esc(user.name()) + "\">"
                            + "<button type=\"submit\">" + action + "</button></form>"));
        }
        String checkpoint = "<form method=\"post\" action=\"/admin/checkpoint\">" + Html.csrf(web.session)
                + "<button type=\"submit\" id=\"sign-checkpoint\">Sign a checkpoint now</button></form>";
        web.html(HttpStatus.OK_200, Html.page("Administration", web.session, "<h2>Console users</h2>"
                + "<p class=\"note\">Add users with <code>family-gateway users add --role ig-officer NAME</code>.</p>"
                + Html.table(List.of("user", "role", "state", ""), rows, "users") + "<h2>Checkpoints</h2>" + checkpoint));
    }

    void checkpoint(Web web) {
        checkpoints.signNow();
        web.redirect("/verification");
    }

    void disable(Web web) throws Exception {
        users.disable(required(web), web.session.user());
        web.redirect("/admin");
    }

    void enable(Web web) throws Exception {
        users.enable(required(web), web.session.user());
        web.redirect("/admin");
    }

    private static String required(Web web) throws Exception {
        String name = web.param("name");
        if (name == null) {
            throw new IllegalArgumentException("which user?");
        }
        return name;
    }
}
