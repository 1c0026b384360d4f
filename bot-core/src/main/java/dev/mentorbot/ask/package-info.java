/** Answering questions: free questions ({@code ask}) and fixed topics ({@code salary}, {@code skills}). */
package dev.mentorbot.ask;
