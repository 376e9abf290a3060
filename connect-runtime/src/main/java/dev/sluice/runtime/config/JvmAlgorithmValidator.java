package dev.sluice.runtime.config;

import java.security.GeneralSecurityException;
import java.util.List;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Accepts only algorithm names that this JVM supports: key generation algorithms for session keys, MAC
 * algorithms for signing and verifying requests between workers (one name, or a non-empty list).
 */
public final class JvmAlgorithmValidator implements ConfigDef.Validator {

    private enum Kind { KEY_GENERATOR, MAC, MAC_LIST }

    private final Kind kind;

    private JvmAlgorithmValidator(Kind kind) {
        this.kind = kind;
    }

    /** Names a {@link KeyGenerator} algorithm. */
    public static JvmAlgorithmValidator keyGenerator() {
        return new JvmAlgorithmValidator(Kind.KEY_GENERATOR);
    }

    /** Names a {@link Mac} algorithm. */
    public static JvmAlgorithmValidator mac() {
        return new JvmAlgorithmValidator(Kind.MAC);
    }

    /** A non-empty list of {@link Mac} algorithms. */
    public static JvmAlgorithmValidator macList() {
        return new JvmAlgorithmValidator(Kind.MAC_LIST);
    }

    @Override
    public void ensureValid(String name, Object value) {
        if (kind == Kind.MAC_LIST) {
            if (!(value instanceof List<?> names) || names.isEmpty()) {
                throw new ConfigException(name, value, "Expected a non-empty list of MAC algorithms");
            }
            for (Object algorithm : names) {
                check(name, algorithm);
            }
        } else {
            check(name, value);
        }
    }

    private void check(String name, Object algorithm) {
        if (!(algorithm instanceof String text)) {
            throw new ConfigException(name, algorithm, "Expected an algorithm name");
        }
        try {
            if (kind == Kind.KEY_GENERATOR) {
                KeyGenerator.getInstance(text);
            } else {
                Mac.getInstance(text);
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new ConfigException(name, algorithm, "This JVM does not support the "
                + (kind == Kind.KEY_GENERATOR ? "key generation" : "MAC") + " algorithm '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return switch (kind) {
            case KEY_GENERATOR -> "a KeyGenerator algorithm this JVM supports";
            case MAC -> "a MAC algorithm this JVM supports";
            case MAC_LIST -> "one or more MAC algorithms this JVM supports";
        };
    }
}
