package dev.sluice.runtime.worker.errors;

/**
 * Thrown by {@link ErrorHandler#execute} when an operation failed and the failure was tolerated: the record is to be
 * skipped and the task goes on. It has no stack trace (it is control flow, and the failure itself has already been
 * reported); the pipeline catches it and drops the record.
 */
public final class SkippedRecordException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Stage stage;

    /**
     * A skip caused by a tolerated failure.
     *
     * @param stage where the record failed
     * @param cause the tolerated error
     */
    public SkippedRecordException(Stage stage, Throwable cause) {
        super("Record skipped after a tolerated failure in stage " + stage, cause, false, false);
        this.stage = stage;
    }

    /** Where the record failed. */
    public Stage stage() {
        return stage;
    }
}
