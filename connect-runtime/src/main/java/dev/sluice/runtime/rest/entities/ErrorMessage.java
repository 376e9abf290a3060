package dev.sluice.runtime.rest.entities;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of every error answer: {@code {"error_code": <HTTP status>, "message": "..."}}, as Apache's.
 *
 * @param errorCode the HTTP status
 * @param message   what went wrong and, where we can tell, what to do
 */
public record ErrorMessage(@JsonProperty("error_code") int errorCode, @JsonProperty("message") String message) {
}
