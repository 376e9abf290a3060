package com.example.legacy;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;

/** Appends each record's value to the file of {@link LineFileSinkConnector}, one line per record. */
public class LineFileSinkTask extends SinkTask {

    private String file;

    @Override
    public String version() {
        return "1.0-legacy";
    }

    @Override
    public void start(Map<String, String> props) {
        file = props.get("file");
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        try (Writer out = new OutputStreamWriter(Files.newOutputStream(Paths.get(file),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND), StandardCharsets.UTF_8)) {
            for (SinkRecord record : records) {
                out.write(String.valueOf(record.value()));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new ConnectException("Cannot append to " + file, e);
        }
    }

    @Override
    public void stop() {
    }
}
