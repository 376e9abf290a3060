package dev.sluice.runtime.rest.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.sluice.runtime.herder.InvalidConnectorConfigException;
import dev.sluice.runtime.rest.entities.ErrorMessage;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.errors.AlreadyExistsException;
import org.apache.kafka.connect.errors.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every exception a request raises into Apache's error body {@code {"error_code", "message"}}:
 * {@link NotFoundException} 404, {@link AlreadyExistsException} 409, {@link RestException} its status, JAX-RS
 * exceptions their status, and — where Apache answers 500 for a client's mistake — 400 for a malformed JSON
 * body, an invalid connector configuration and an invalid config value. Anything else is 500 and is logged.
 */
public final class ErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger log = LoggerFactory.getLogger(ErrorMapper.class);

    @Override
    public Response toResponse(Throwable exception) {
        int status = statusOf(exception);
        String message = messageOf(exception, status);
        if (status >= 500) {
            log.error("REST request failed with {}: {}", status, message, exception);
        } else {
            log.debug("REST request answered {}: {}", status, message);
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
            .entity(new ErrorMessage(status, message)).build();
    }

    private static int statusOf(Throwable exception) {
        if (exception instanceof RestException rest) {
            return rest.status();
        }
        if (exception instanceof NotFoundException) {
            return 404;
        }
        if (exception instanceof AlreadyExistsException) {
            return 409;
        }
        if (exception instanceof InvalidConnectorConfigException || exception instanceof ConfigException
            || exception instanceof JsonProcessingException) {
            return 400;
        }
        if (exception instanceof WebApplicationException web) {
            return web.getResponse().getStatus();
        }
        return 500;
    }

    private static String messageOf(Throwable exception, int status) {
        if (exception instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field '" + unknown.getPropertyName() + "' in the request body; known fields: "
                + unknown.getKnownPropertyIds();
        }
        if (exception instanceof JsonProcessingException json) {
            return "Malformed JSON in the request body: " + json.getOriginalMessage()
                + (json.getLocation() == null ? "" : " (line " + json.getLocation().getLineNr() + ", column "
                + json.getLocation().getColumnNr() + ")");
        }
        if (exception instanceof WebApplicationException && status == 415) {
            return "Unsupported content type: send the body as application/json";
        }
        String message = exception.getMessage();
        return message == null || message.isEmpty() ? exception.getClass().getSimpleName() : message;
    }
}
