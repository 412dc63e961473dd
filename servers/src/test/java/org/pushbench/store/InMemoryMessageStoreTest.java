package org.pushbench.store;

/** The store contract on the in-memory store. */
class InMemoryMessageStoreTest extends MessageStoreContract {

    @Override
    MessageStore newStore(int retention, int maxRooms) {
        return new InMemoryMessageStore(retention, maxRooms);
    }
}
