package dev.sluice.runtime.plugins;

import java.util.List;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * No installed plugin of the wanted kind has the given class name or alias. The message names the closest
 * installed plugins.
 */
public class PluginNotFoundException extends ConnectException {

    private static final long serialVersionUID = 1L;

    private final String requestedName;
    private final List<String> closeMatches;

    /**
     * @param requestedName the class name or alias that was asked for
     * @param kind          what was asked for, for the message ("connector", "converter", ...)
     * @param closeMatches  class names of installed plugins with similar names
     * @param installed     how many plugins of that kind are installed
     */
    public PluginNotFoundException(String requestedName, String kind, List<String> closeMatches, int installed) {
        super(message(requestedName, kind, closeMatches, installed));
        this.requestedName = requestedName;
        this.closeMatches = List.copyOf(closeMatches);
    }

    private static String message(String requestedName, String kind, List<String> closeMatches, int installed) {
        String start = "No " + kind + " plugin with class name or alias '" + requestedName + "' is installed";
        if (!closeMatches.isEmpty()) {
            return start + ". Did you mean: " + String.join(", ", closeMatches) + "?";
        }
        return start + " (" + installed + " " + kind + " plugins are installed; GET /connector-plugins?connectorsOnly=false"
            + " lists them). Check the name and that the plugin's directory is in plugin.path.";
    }

    /** The class name or alias that was asked for. */
    public String requestedName() {
        return requestedName;
    }

    /** Installed plugins with similar names, best first. */
    public List<String> closeMatches() {
        return closeMatches;
    }
}
