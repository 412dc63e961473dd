package org.pushbench.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.pushbench.protocol.ChatError;

class RequestTargetTest {

    @Test
    void parsesTheThreeResources() {
        assertEquals(new RequestTarget(RequestTarget.Kind.MESSAGES, "lobby", 5, true, 100),
                RequestTarget.parse("/rooms/lobby/messages?after=5&wait=100&_=123"));
        assertEquals(new RequestTarget(RequestTarget.Kind.WEBSOCKET, "a.b_c-1", 0, false, -1),
                RequestTarget.parse("/rooms/a.b_c-1/ws"));
        assertEquals(new RequestTarget(RequestTarget.Kind.EVENTS, "r", 7, true, -1),
                RequestTarget.parse("/rooms/r/events?after=7"));
    }

    @Test
    void decodesEscapesInTheQuery() {
        assertEquals(12, RequestTarget.parse("/rooms/r/messages?%61fter=1%32").after());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/rooms/lobby", "/rooms/lobby/other", "/", "/rooms//x/messages", "/other/r/messages"})
    void pathsOutsideTheProtocolAre404(String target) {
        assertEquals(404, assertThrows(ChatError.class, () -> RequestTarget.parse(target)).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/rooms/bad%20name/messages", "/rooms/r/messages?after=-1", "/rooms/r/messages?after=x",
            "/rooms/r/messages?wait=1&wait=2", "/rooms/r/messages?after=%", "/rooms/r/messages?after=%zz",
            "/rooms/r/messages?after="})
    void badRoomsNumbersAndEscapesAre400(String target) {
        assertEquals(400, assertThrows(ChatError.class, () -> RequestTarget.parse(target)).status());
    }
}
