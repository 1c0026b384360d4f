package dev.mentorbot.app;

import dev.mentorbot.platform.PlatformAdapter;
import dev.mentorbot.serve.ServingCore;
import java.util.ArrayList;
import java.util.List;

/**
 * What readiness ({@code /readyz}, {@code /healthz}) looks at: the content index, each enabled
 * platform, whether the bot is stopping, and whether the database answers. Liveness looks at
 * none of these: a bot waiting for its database is alive, and restarting it would not help.
 */
final class Health {
    private Health() {
    }

    static List<AdminServer.Check> checks(MentorRuntime runtime, List<PlatformAdapter> adapters, ServingCore serving,
                                          DatabaseProbe database) {
        List<AdminServer.Check> checks = new ArrayList<>();
        int passages = runtime.index().passages().size();
        checks.add(new AdminServer.Check("content", passages > 0, passages + " passages indexed"));
        for (PlatformAdapter a : adapters) {
            boolean up = a.connected();
            checks.add(new AdminServer.Check(a.name(), up, up ? "connected" : "not connected"));
        }
        checks.add(new AdminServer.Check("requests", serving.accepting(),
                serving.accepting() ? "accepting" : "stopping: new requests are refused"));
        checks.add(database.check());
        return checks;
    }
}
