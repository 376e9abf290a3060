package dev.sluice.compat;

import java.util.function.Supplier;
import org.apache.kafka.connect.fixture.Greeting;

/** Driver used by the harness tests; links against whichever Greeting its loader sees. */
public class GreetingDriver implements Supplier<String> {
    @Override
    public String get() {
        return new Greeting().text();
    }
}
