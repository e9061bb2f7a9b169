package org.familygateway.intake;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.apache.sshd.sftp.server.DirectoryHandle;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpFileSystemAccessor;
import org.apache.sshd.sftp.server.SftpSubsystemProxy;

/**
 * What a partner may do in its SFTP folder, checked before anything touches the disk: write files
 * only directly in {@code inbox/}, rename only within it, delete only there and in
 * {@code receipts/}; read its own files. No links of any kind, no new folders, no copies, no
 * permission changes, and no symbolic link is ever followed, so nothing can reach outside the folder.
 */
final class PartnerFolderRules implements SftpFileSystemAccessor {

    private static final Set<OpenOption> WRITING = Set.of(StandardOpenOption.WRITE, StandardOpenOption.APPEND,
            StandardOpenOption.CREATE, StandardOpenOption.CREATE_NEW, StandardOpenOption.TRUNCATE_EXISTING);
    private static final Set<String> ATTRIBUTES_A_CLIENT_MAY_SET = Set.of("lastModifiedTime", "lastAccessTime", "creationTime");

    @Override
    public SeekableByteChannel openFile(SftpSubsystemProxy subsystem, FileHandle handle, Path file, String id,
                                        Set<? extends OpenOption> options, FileAttribute<?>... attributes) throws IOException {
        boolean writes = options.stream().anyMatch(WRITING::contains);
        if (writes && !directlyIn("/inbox", file)) {
            throw new AccessDeniedException(file.toString(), null, "upload files directly into /inbox");
        }
        refuseLinks(file);
        Set<OpenOption> noLinks = new HashSet<>(options);
        noLinks.add(LinkOption.NOFOLLOW_LINKS);
        return SftpFileSystemAccessor.super.openFile(subsystem, handle, file, id, noLinks, attributes);
    }

    @Override
    public DirectoryStream<Path> openDirectory(SftpSubsystemProxy subsystem, DirectoryHandle handle, Path dir, String id,
                                               LinkOption... options) throws IOException {
        refuseLinks(dir);
        return SftpFileSystemAccessor.super.openDirectory(subsystem, handle, dir, id, LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public void createDirectory(SftpSubsystemProxy subsystem, Path path) throws IOException {
        throw new AccessDeniedException(path.toString(), null, "folders cannot be created here");
    }

    @Override
    public void createLink(SftpSubsystemProxy subsystem, Path link, Path existing, boolean symLink) throws IOException {
        throw new AccessDeniedException(link.toString(), null, "links cannot be created here");
    }

    @Override
    public void copyFile(SftpSubsystemProxy subsystem, Path source, Path target, Collection<CopyOption> options) throws IOException {
        throw new AccessDeniedException(target.toString(), null, "files cannot be copied here");
    }

    @Override
    public void renameFile(SftpSubsystemProxy subsystem, Path source, Path target, Collection<CopyOption> options) throws IOException {
        if (!directlyIn("/inbox", source) || !directlyIn("/inbox", target)) {
            throw new AccessDeniedException(target.toString(), null, "files can be renamed only within /inbox");
        }
        refuseLinks(source);
        SftpFileSystemAccessor.super.renameFile(subsystem, source, target, options);
    }

    @Override
    public void removeFile(SftpSubsystemProxy subsystem, Path path, boolean isDirectory) throws IOException {
        if (isDirectory || !(directlyIn("/inbox", path) || directlyIn("/receipts", path))) {
            throw new AccessDeniedException(path.toString(), null, "only files in /inbox and /receipts can be removed");
        }
        SftpFileSystemAccessor.super.removeFile(subsystem, path, false);
    }

    @Override
    public void setFileAttribute(SftpSubsystemProxy subsystem, Path file, String view, String attribute, Object value,
                                 LinkOption... options) throws IOException {
        if (!ATTRIBUTES_A_CLIENT_MAY_SET.contains(attribute)) {
            throw new AccessDeniedException(file.toString(), null, "the attribute " + attribute + " cannot be changed here");
        }
        SftpFileSystemAccessor.super.setFileAttribute(subsystem, file, view, attribute, value, LinkOption.NOFOLLOW_LINKS);
    }

    /** In the folder itself, not below it (the path as the partner sees it, rooted at its home). */
    private static boolean directlyIn(String folder, Path path) {
        Path parent = path.toAbsolutePath().normalize().getParent();
        return parent != null && folder.equals(parent.toString());
    }

    /** Neither the path nor any folder on the way to it may be a link. */
    private static void refuseLinks(Path path) throws AccessDeniedException {
        for (Path step = path.toAbsolutePath().normalize(); step != null && step.getNameCount() > 0; step = step.getParent()) {
            if (Files.isSymbolicLink(step)) {
                throw new AccessDeniedException(path.toString(), null, "links are not followed here");
            }
        }
    }
}
