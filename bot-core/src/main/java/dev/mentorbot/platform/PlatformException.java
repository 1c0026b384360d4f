package dev.mentorbot.platform;

/** A platform could not be started; the message tells an admin what to fix, without secrets. */
public final class PlatformException extends Exception {
    private static final long serialVersionUID = 1L;

    public PlatformException(String message) {
        super(message);
    }

    public PlatformException(String message, Throwable cause) {
        super(message, cause);
    }
}
