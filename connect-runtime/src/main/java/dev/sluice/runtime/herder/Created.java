package dev.sluice.runtime.herder;

/**
 * The outcome of a create-or-update request: whether something new was created (REST answers 201) or an
 * existing one replaced (200), and the result.
 *
 * @param created true if the connector did not exist before
 * @param result  what the request produced
 * @param <T>     the result's type
 */
public record Created<T>(boolean created, T result) {
}
