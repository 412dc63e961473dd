package org.pushbench.bench.load;

import org.pushbench.bench.meter.WireCategory;

/**
 * The name of every figure a measurement window reports, written once: the window and the link relay publish
 * under these names, JMH's secondary results carry them, and the summary, its tables and the model read them
 * back by the same constants (summary.csv's own column names are {@code SummaryWriter}'s).
 */
public final class FigureNames {

    public static final String DELIVERIES = "deliveries";
    public static final String SENT_OFFERED_PER_SECOND = "sent.offeredPerSecond";
    public static final String SENT_ACHIEVED_PER_SECOND = "sent.achievedPerSecond";
    public static final String SENT_ACHIEVED_PERCENT = "sent.achievedPercent";
    public static final String SENT_BELOW_OFFERED = "sent.belowOffered";
    /** Prefixes of the latency percentiles ({@code latency.p99.us}): from the intended and the actual send time. */
    public static final String LATENCY = "latency";
    public static final String UNCORRECTED = "uncorrected";

    /**
     * Prefix of a newcomer's time from starting to connect to its first message ({@code firstMessage.p50.us}),
     * and the number of newcomers timed ({@code firstMessage.count}).
     */
    public static final String FIRST_MESSAGE = "firstMessage";
    public static final String FIRST_MESSAGE_COUNT = FIRST_MESSAGE + ".count";
    public static final String FIRST_MESSAGE_P50 = FIRST_MESSAGE + ".p50.us";
    public static final String FIRST_MESSAGE_P90 = FIRST_MESSAGE + ".p90.us";
    public static final String FIRST_MESSAGE_P99 = FIRST_MESSAGE + ".p99.us";
    public static final String FIRST_MESSAGE_MAX = FIRST_MESSAGE + ".max.us";

    /**
     * Prefix of the time from a member's link going silent to its liveness rule declaring the server dead
     * ({@code deadServer.p50.us}), and the number of members timed ({@code deadServer.count}).
     */
    public static final String DEAD_SERVER = "deadServer";
    public static final String DEAD_SERVER_COUNT = DEAD_SERVER + ".count";
    public static final String DEAD_SERVER_MEAN = DEAD_SERVER + ".mean.us";
    public static final String DEAD_SERVER_P50 = DEAD_SERVER + ".p50.us";
    public static final String DEAD_SERVER_MAX = DEAD_SERVER + ".max.us";

    public static final String BYTES_PER_DELIVERY = "bytes.perDelivery";
    public static final String BYTES_PAYLOAD_PER_DELIVERY = perDelivery(WireCategory.PAYLOAD);
    public static final String BYTES_HEADERS_PER_DELIVERY = perDelivery(WireCategory.HEADERS);
    public static final String BYTES_FRAMING_PER_DELIVERY = perDelivery(WireCategory.FRAMING);
    public static final String BYTES_EMPTY_POLLS_PER_DELIVERY = perDelivery(WireCategory.EMPTY_POLLS);
    public static final String BYTES_KEEPALIVE_PER_DELIVERY = perDelivery(WireCategory.KEEPALIVE);
    public static final String BYTES_OVERHEAD_SHARE = "bytes.overheadShare";
    public static final String BYTES_PER_CLIENT_SECOND = "bytes.perClientSecond";
    public static final String BYTES_IN_FLIGHT = "bytes.inFlight";
    public static final String PUBLISHER_BYTES_PER_MESSAGE = "publisher.bytesPerMessage";

    public static final String REQUESTS_PER_DELIVERY = "requests.perDelivery";
    public static final String RESPONSES_EMPTY_SHARE = "responses.emptyShare";
    public static final String HTTP_BYTES_PER_EMPTY_POLL = "http.bytesPerEmptyPoll";
    public static final String HTTP_HEADER_BYTES_PER_ANSWER = "http.headerBytesPerAnswer";

    public static final String SERVER_PEAK_CONNECTIONS = "server.peakConnections";
    public static final String SERVER_PEAK_HELD = "server.peakHeld";
    public static final String SERVER_THREADS = "server.threads";
    public static final String SERVER_OS_THREADS = "server.osThreads";
    public static final String SERVER_OS_SOCKETS = "server.osSockets";
    public static final String SERVER_RSS_GROWTH_PER_CLIENT = "server.rssGrowthPerClient";
    public static final String SERVER_HEAP_PER_CLIENT = "server.heapPerClient";
    public static final String SERVER_DIRECT_PER_CLIENT = "server.directPerClient";
    public static final String SERVER_CPU = "server.cpu";
    public static final String SERVER_CPU_PER_DELIVERY = "server.cpuPerDelivery";
    public static final String CLIENT_CPU = "client.cpu";
    public static final String CLIENT_CPU_PER_DELIVERY = "client.cpuPerDelivery";

    public static final String LINK_CPU = "link.cpu";
    public static final String LINK_BYTES = "link.bytes";
    public static final String LINK_CPU_PER_BYTE = "link.cpuPerByte";

    private FigureNames() {
    }

    /** The bytes of one category per delivered message: {@code bytes.headers.perDelivery}. */
    public static String perDelivery(WireCategory category) {
        return "bytes." + category.label() + ".perDelivery";
    }
}
