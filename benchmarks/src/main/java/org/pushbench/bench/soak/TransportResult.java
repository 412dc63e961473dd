package org.pushbench.bench.soak;

import org.pushbench.bench.load.ChatLoad;
import org.pushbench.bench.meter.DeliveryCheck;
import org.pushbench.server.Transport;

/**
 * One transport's share of the soak, from the clients' side.
 *
 * @param delivered first deliveries to members, the vanished ones' included
 * @param errors    answers a healthy run does not produce, seen by the members or the publisher
 * @param replaced  members that vanished during the run, and as many that joined
 * @param failure   why the delivery check failed, or null
 */
public record TransportResult(Transport transport, int members, long sent, long delivered, long lost,
        long duplicated, long reordered, long errors, long replaced, String failure) {

    static TransportResult of(ChatLoad load, long sent, long replaced, String failure) {
        DeliveryCheck check = load.recipients().check();
        long errors = load.recipients().counts().errors() + load.publisherMeters().counts().errors();
        return new TransportResult(load.spec().transport(), load.spec().clients(), sent,
                load.recipients().counts().deliveries(), check.lost(), check.duplicated(), check.reordered(), errors,
                replaced, failure);
    }
}
