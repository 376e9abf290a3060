package org.apache.kafka.connect.source;

/**
 * Lets a source task define transaction boundaries itself when the connector is configured with
 * {@code transaction.boundary=connector}. Requests take effect when the worker next processes the
 * named record, or after the current batch for the variants without a record.
 */
public interface TransactionContext {

    /**
     * Commits the transaction after the current batch of records.
     */
    void commitTransaction();

    /**
     * Commits the transaction right after the given record has been processed.
     *
     * @param record the last record of the transaction
     */
    void commitTransaction(SourceRecord record);

    /**
     * Aborts the transaction after the current batch of records.
     */
    void abortTransaction();

    /**
     * Aborts the transaction right after the given record has been processed.
     *
     * @param record the last record of the aborted transaction
     */
    void abortTransaction(SourceRecord record);
}
