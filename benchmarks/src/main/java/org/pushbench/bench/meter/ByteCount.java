package org.pushbench.bench.meter;

/** The bytes one connection has read and written so far, at one layer of its pipeline. */
public interface ByteCount {

    long read();

    long written();
}
