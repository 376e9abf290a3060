package org.apache.kafka.connect.file;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What the file source reads from: a file, or the process's standard input. Reads never wait for
 * data; they return what is there now, so that the task can poll a file that is still being written.
 */
abstract class SourceInput implements Closeable {

    /**
     * Reads up to {@code length} bytes that are available now.
     *
     * @return the number of bytes read; zero when nothing new is available (including at the end of a file)
     */
    abstract int readAvailable(byte[] buffer, int offset, int length) throws IOException;

    /** Standard input; closing this input leaves standard input open. */
    static SourceInput standardInput(InputStream stdin) {
        return new StreamInput(stdin);
    }

    /**
     * Opens a file for reading from its beginning.
     *
     * @throws java.nio.file.NoSuchFileException if the file does not exist (yet)
     * @throws IOException if it cannot be opened
     */
    static FileInput openFile(Path path) throws IOException {
        return new FileInput(FileChannel.open(path, StandardOpenOption.READ));
    }

    /** A regular file read through its channel. */
    static final class FileInput extends SourceInput {
        private final FileChannel channel;

        private FileInput(FileChannel channel) {
            this.channel = channel;
        }

        /**
         * Moves to {@code position} if the file is already that long.
         *
         * @return false, leaving the position unchanged, while the file is shorter than {@code position}
         */
        boolean seek(long position) throws IOException {
            if (channel.size() < position) {
                return false;
            }
            channel.position(position);
            return true;
        }

        @Override
        int readAvailable(byte[] buffer, int offset, int length) throws IOException {
            return Math.max(0, channel.read(ByteBuffer.wrap(buffer, offset, length)));
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    private static final class StreamInput extends SourceInput {
        private final InputStream stream;

        private StreamInput(InputStream stream) {
            this.stream = stream;
        }

        @Override
        int readAvailable(byte[] buffer, int offset, int length) throws IOException {
            int available = stream.available();
            if (available <= 0) {
                return 0;
            }
            return Math.max(0, stream.read(buffer, offset, Math.min(available, length)));
        }

        @Override
        public void close() {
            // Standard input belongs to the process, not to the task.
        }
    }
}
