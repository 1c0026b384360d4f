package dev.mentorbot.app;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --watch-content}: watches the content folders (and their subfolders) and reloads once
 * the files have been quiet for a moment, so an editor's save-rename-delete dance or a
 * {@code git pull} touching many files gives one rebuild, not one per file.
 */
final class ContentWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ContentWatcher.class);

    private final WatchService watcher;
    private final Runnable reload;
    private final Duration quiet;
    private final Thread thread;

    private ContentWatcher(WatchService watcher, Runnable reload, Duration quiet) {
        this.watcher = watcher;
        this.reload = reload;
        this.quiet = quiet;
        this.thread = new Thread(this::loop, "mentor-bot-content-watcher");
        this.thread.setDaemon(true);
    }

    /** The folders that can be watched: those on the disk (the bundled content is inside the jar). */
    static List<Path> watchable(List<Path> folders) {
        return folders.stream().filter(f -> f.getFileSystem() == FileSystems.getDefault()).toList();
    }

    /**
     * Starts watching.
     *
     * @param folders content folders on the disk
     * @param quiet   how long the files must stay unchanged before the reload
     * @param reload  what to run then
     */
    static ContentWatcher start(List<Path> folders, Duration quiet, Runnable reload) throws IOException {
        WatchService service = FileSystems.getDefault().newWatchService();
        ContentWatcher w = new ContentWatcher(service, reload, quiet);
        for (Path folder : folders) {
            w.registerTree(folder);
        }
        w.thread.start();
        return w;
    }

    private void registerTree(Path folder) throws IOException {
        try (Stream<Path> dirs = Files.walk(folder)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    private void loop() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                boolean changed = drain(key);
                // Wait until nothing has changed for the quiet period, then reload once.
                WatchKey more;
                while ((more = watcher.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    changed |= drain(more);
                }
                if (changed) {
                    reload.run();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: stop quietly
        } catch (RuntimeException e) {
            LOG.error("content watcher stopped", e);
        }
    }

    /** Takes a key's events; new subfolders are watched too. */
    private boolean drain(WatchKey key) {
        Path dir = (Path) key.watchable();
        boolean any = false;
        for (var event : key.pollEvents()) {
            any = true;
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && event.context() instanceof Path name
                    && Files.isDirectory(dir.resolve(name))) {
                try {
                    registerTree(dir.resolve(name));
                } catch (IOException e) {
                    LOG.warn("cannot watch new folder {}: {}", dir.resolve(name), e.getMessage());
                }
            }
        }
        key.reset();
        return any;
    }

    @Override
    public void close() {
        try {
            watcher.close();
        } catch (IOException e) {
            LOG.debug("closing the content watcher: {}", e.getMessage());
        }
        thread.interrupt();
    }
}
