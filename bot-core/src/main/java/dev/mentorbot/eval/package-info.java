/** Measuring answer quality on a question set (JSON lines of questions with expected patterns). */
package dev.mentorbot.eval;
