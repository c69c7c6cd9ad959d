package org.socketlab.server.plugins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * What tells one version of a file from another without reading it: size, modification time and file key (the
 * inode, where the system has one, which changes when a file is replaced by a rename).
 *
 * @param size     in bytes
 * @param modified the last modification time
 * @param fileKey  the file system's identity of the file; {@code null} where there is none
 */
record FileStamp(long size, FileTime modified, Object fileKey) {

    static FileStamp of(BasicFileAttributes attributes) {
        return new FileStamp(attributes.size(), attributes.lastModifiedTime(), attributes.fileKey());
    }

    static FileStamp of(Path file) throws IOException {
        return of(Files.readAttributes(file, BasicFileAttributes.class));
    }
}
