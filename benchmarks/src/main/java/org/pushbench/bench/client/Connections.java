package org.pushbench.bench.client;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;

/** What the clients do to a connection the same way. */
final class Connections {

    private Connections() {
    }

    /** Closes with a TCP reset (SO_LINGER 0) instead of a FIN: the peer learns of it only by a failed read. */
    static void reset(Channel channel) {
        if (channel != null) {
            channel.config().setOption(ChannelOption.SO_LINGER, 0);
            channel.close();
        }
    }
}
