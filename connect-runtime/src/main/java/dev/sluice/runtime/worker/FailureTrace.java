package dev.sluice.runtime.worker;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The stack trace text that a FAILED status carries: the full {@code printStackTrace} output. */
public final class FailureTrace {

    private FailureTrace() {
    }

    /** The full stack trace of {@code cause}, causes and suppressed exceptions included. */
    public static String of(Throwable cause) {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            cause.printStackTrace(out);
        }
        return text.toString();
    }
}
