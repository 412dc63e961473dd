package org.pushbench.protocol;

/**
 * A message as a client sends it: {@code {"from":"alice","text":"hi","stamp":123}}.
 *
 * @param from  the sender's name, 1 to {@link ChatJson#MAX_FROM_LENGTH} characters
 * @param text  the text, any string (may be empty)
 * @param stamp an opaque integer the server passes through untouched, or {@code null}
 */
public record SentMessage(String from, String text, Long stamp) {
}
