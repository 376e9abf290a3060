package com.example.modern;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;

/** Appends each record's value to the file of {@link LineFileSinkConnector}, one line per record. */
public class LineFileSinkTask extends SinkTask {

    private Path file;

    @Override
    public String version() {
        return "1.0-modern";
    }

    @Override
    public void start(Map<String, String> props) {
        file = Path.of(props.get("file"));
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        var lines = new StringBuilder();
        for (SinkRecord record : records) {
            lines.append(record.value()).append('\n');
        }
        try {
            Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new ConnectException("Cannot append to " + file, e);
        }
    }

    @Override
    public void stop() {
    }
}
