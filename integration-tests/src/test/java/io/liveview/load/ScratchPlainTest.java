package io.liveview.load;

import io.liveview.it.DemoProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScratchPlainTest {
    @Test
    void plain() throws Exception {
        LoadRun.Sizes sizes = new LoadRun.Sizes(5_000, 100, 1_000, 20, 150, 1_000, 1_000, 25, 10_000, 100, 100_000, 8, 150, 240, 12);
        List<String> flags = new ArrayList<>(LoadTest.SERVER_FLAGS);
        flags.add("-D" + LoadServer.WHOLE_RENDERS + "=false");
        try (DemoProcess server = DemoProcess.start(LoadServer.class.getName(), flags, "load-test-secret-0123456789abcdef", Path.of("target", "scratch.log"))) {
            LoadRun run = new LoadRun(server, sizes);
            server.jcmd("JFR.start", "name=load", "settings=profile", "filename=/tmp/plain.jfr");
            LoadRun.LoopResult r = run.tableLoop();
            server.jcmd("JFR.stop", "name=load");
            System.out.println("RESULT " + r);
        }
    }
}
