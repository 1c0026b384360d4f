package dev.mentorbot.state;

/** Question text as stored: optional, and cut rather than refused when long, so logging never fails a reply. */
final class QuestionText {
    private QuestionText() {
    }

    static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max;
        // Do not split a surrogate pair: half an emoji is not valid UTF-8 for the database.
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }
}
