package dev.mentorbot.command;

/** Handles one command. Handlers return replies for bad input instead of throwing. */
@FunctionalInterface
public interface CommandHandler {
    Reply handle(CommandRequest request);
}
