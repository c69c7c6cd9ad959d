import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The least a JVM does for the whole-range scan of bench/run.sh: the port scanner's loopback probe (a blocking
 * connect per port, one thread per processor, ports dealt round-robin, a connect that met itself tried again)
 * with nothing around it: no command line, no engine, no transcript. Its time, JVM start included, is the floor
 * of {@code java -jar socketlab.jar run port-scanner ...} on the same JDK. A bench tool, not part of the lab:
 * no time limit per connect, so only for 127.0.0.1 (see ConnectScan for the real scanner).
 *
 * <p>usage: java ScanFloor [threads] (default: the processors); prints the open ports and the closed count as the
 * port scanner does.
 */
public final class ScanFloor {
    private static final int LAST_PORT = 65_535;

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : Runtime.getRuntime().availableProcessors();
        InetAddress host = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        AtomicIntegerArray open = new AtomicIntegerArray(LAST_PORT + 1);
        int[] closed = new int[threads];
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int stripe = t;
            workers[t] = new Thread(() -> closed[stripe] = probe(host, 1 + stripe, threads, open));
            workers[t].start();
        }
        int closedCount = 0;
        for (int t = 0; t < threads; t++) {
            workers[t].join();
            closedCount += closed[t];
        }
        StringBuilder out = new StringBuilder("Not shown: " + closedCount + " closed tcp ports\n");
        for (int port = 1; port <= LAST_PORT; port++) {
            if (open.get(port) == 1) {
                out.append(port).append("/tcp open\n");
            }
        }
        System.out.print(out);
    }

    private static int probe(InetAddress host, int first, int step, AtomicIntegerArray open) {
        int closed = 0;
        for (int port = first; port <= LAST_PORT; port += step) {
            for (int tries = 1; tries <= 3; tries++) {
                try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.INET)) {
                    channel.connect(new InetSocketAddress(host, port));
                    if (!channel.getLocalAddress().equals(channel.getRemoteAddress())) {
                        open.set(port, 1);
                        break;
                    }
                    if (tries == 3) {
                        closed++;
                    }
                } catch (ConnectException e) {
                    closed++;
                    break;
                } catch (IOException e) {
                    System.err.println("port " + port + ": " + e + " " + Arrays.toString(e.getStackTrace()));
                    break;
                }
            }
        }
        return closed;
    }
}
