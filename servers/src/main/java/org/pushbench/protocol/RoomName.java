package org.pushbench.protocol;

import java.util.regex.Pattern;

/** Room names: 1 to 64 characters of {@code A-Z a-z 0-9 . _ -}, so a name is safe in a URL and a log line. */
public final class RoomName {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RoomName() {
    }

    /** Returns the name if it is valid, else throws a 400 {@link ChatError}. */
    public static String require(String room) {
        if (room == null || !VALID.matcher(room).matches()) {
            throw ChatError.badRequest("a room name is 1 to 64 characters of A-Z a-z 0-9 . _ -");
        }
        return room;
    }
}
