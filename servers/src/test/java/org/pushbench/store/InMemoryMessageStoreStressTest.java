package org.pushbench.store;

class InMemoryMessageStoreStressTest extends MessageStoreStress {

    @Override
    MessageStore newStore(int retention, int maxRooms) {
        return new InMemoryMessageStore(retention, maxRooms);
    }
}
