package dev.sluice.distribution.interop;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Sends the same request to Apache's worker and to ours, one after the other, and collects every difference
 * between the two answers, each headed by the request ({@code [GET /connectors] $[0]: Apache has ..., ours ...}).
 *
 * <p>{@link #send} compares what every answer must have in common: the status code, whether there is a body,
 * the body's media type and the path of a {@code Location} header. The body's JSON is compared by the caller's
 * choice of {@code compare...} method. Nothing fails here: the test asserts at the end that the list is empty, so
 * that one run shows every difference at once.
 */
final class SideBySide {

    private static final Logger log = LoggerFactory.getLogger(SideBySide.class);

    private final WorkerRestClient apache;
    private final WorkerRestClient ours;
    private final List<String> differences = new ArrayList<>();

    SideBySide(WorkerRestClient apache, WorkerRestClient ours) {
        this.apache = apache;
        this.ours = ours;
    }

    WorkerRestClient apache() {
        return apache;
    }

    WorkerRestClient ours() {
        return ours;
    }

    /** Both answers to one request. */
    record Answers(RestAnswer apache, RestAnswer ours) {

        String request() {
            return apache.request();
        }

        boolean bothHaveBodies() {
            return !apache.hasNoBody() && !ours.hasNoBody();
        }
    }

    /**
     * Sends {@code request} to both workers and records differences of status, body presence, media type and
     * {@code Location} path.
     *
     * @param expectedStatus the status Apache's worker is expected to answer; if it does not, that is recorded too,
     *                       since the comparison would then not test what it means to test
     */
    Answers send(int expectedStatus, Function<WorkerRestClient, RestAnswer> request) {
        Answers answers = new Answers(request.apply(apache), request.apply(ours));
        String name = answers.request();
        log.debug("Apache's worker: {}\nOur worker:      {}", answers.apache(), answers.ours());
        if (answers.apache().status() != expectedStatus) {
            differences.add("[" + name + "] Apache's worker answered " + answers.apache() + " where the test expects "
                    + expectedStatus + " (the test's expectation is wrong, or the set-up failed)");
        }
        if (answers.apache().status() != answers.ours().status()) {
            differences.add("[" + name + "] status: Apache has " + answers.apache() + ", ours " + answers.ours());
        }
        if (answers.apache().hasNoBody() != answers.ours().hasNoBody()) {
            differences.add("[" + name + "] body: Apache has " + describeBody(answers.apache()) + ", ours "
                    + describeBody(answers.ours()));
        }
        if (answers.bothHaveBodies() && !answers.apache().mediaType().equals(answers.ours().mediaType())) {
            differences.add("[" + name + "] Content-Type: Apache has " + answers.apache().contentType().orElse("none")
                    + ", ours " + answers.ours().contentType().orElse("none"));
        }
        Optional<String> apacheLocation = answers.apache().location().map(SideBySide::pathOf);
        Optional<String> ourLocation = answers.ours().location().map(SideBySide::pathOf);
        if (!apacheLocation.equals(ourLocation)) {
            differences.add("[" + name + "] Location path: Apache has " + apacheLocation.orElse("none") + ", ours "
                    + ourLocation.orElse("none"));
        }
        return answers;
    }

    /** Compares both JSON bodies with {@link JsonShapeDiff}: structure everywhere, values except under {@code shapeOnlyKeys}. */
    void compareJson(Answers answers, Set<String> shapeOnlyKeys) {
        compareJson(answers, UnaryOperator.identity(), shapeOnlyKeys);
    }

    /** As {@link #compareJson(Answers, Set)}, after {@code normalize} (for example sorting a list whose order is free). */
    void compareJson(Answers answers, UnaryOperator<JsonNode> normalize, Set<String> shapeOnlyKeys) {
        if (answers.bothHaveBodies()) {
            record(answers, JsonShapeDiff.compare(normalize.apply(answers.apache().json()),
                    normalize.apply(answers.ours().json()), shapeOnlyKeys));
        }
    }

    /** Compares both bodies with a comparison of the caller's (plugins, validation results). */
    void compareWith(Answers answers, BiFunction<JsonNode, JsonNode, List<String>> comparison) {
        if (answers.bothHaveBodies()) {
            record(answers, comparison.apply(answers.apache().json(), answers.ours().json()));
        }
    }

    /** @return every difference recorded so far */
    List<String> differences() {
        return List.copyOf(differences);
    }

    private void record(Answers answers, List<String> found) {
        found.forEach(difference -> differences.add("[" + answers.request() + "] " + difference));
    }

    private static String describeBody(RestAnswer answer) {
        return answer.hasNoBody() ? "no body" : "body " + answer.body();
    }

    private static String pathOf(String location) {
        try {
            return URI.create(location).getRawPath();
        } catch (IllegalArgumentException e) {
            return "unparsable '" + location + "'";
        }
    }
}
