package org.socketlab.engine;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.socketlab.api.TargetNotAllowedException;

/**
 * Which hosts a run may reach. By default only loopback: a lab page must not become a scanner for the
 * whole network. The operator of a Socket Lab server can allow other hosts explicitly. (The contract's
 * {@code TargetPolicy} is the part of this a test of a case may set.)
 *
 * @param allowRemote whether hosts other than loopback may be reached
 * @param closedPorts ports of this machine that runs may not reach, on any of its addresses: Socket Lab's own,
 *                    so that a case aimed at the server cannot make it run cases without end
 */
public record Targets(boolean allowRemote, Set<Integer> closedPorts) {

    /**
     * Copies the set.
     *
     * @param allowRemote whether hosts other than loopback may be reached
     * @param closedPorts ports of this machine that runs may not reach, on any of its addresses
     */
    public Targets {
        closedPorts = Set.copyOf(closedPorts);
    }

    /**
     * A policy with no closed ports.
     *
     * @param allowRemote whether hosts other than loopback may be reached
     */
    public Targets(boolean allowRemote) {
        this(allowRemote, Set.of());
    }

    /**
     * @param port a port of this machine, e.g. the one Socket Lab serves on
     * @return a copy under which runs may not reach that port on this machine
     */
    public Targets withClosedPort(int port) {
        Set<Integer> ports = new HashSet<>(closedPorts);
        ports.add(port);
        return new Targets(allowRemote, ports);
    }

    /**
     * Resolves a host as {@link #resolve(String)} does, and refuses the port if it is closed on this machine.
     *
     * @param host a host name or IP literal
     * @param port the port the run wants to reach
     * @return the address to use
     * @throws UnknownHostException      if the name is malformed or can never resolve
     * @throws TargetNotAllowedException if the policy forbids the host or the port
     */
    public InetAddress resolve(String host, int port) throws UnknownHostException {
        InetAddress address = resolve(host);
        if (closedPorts.contains(port) && isThisMachine(address)) {
            throw new TargetNotAllowedException(host, port);
        }
        return address;
    }

    private static boolean isThisMachine(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
            return true;
        }
        try {
            // Only a remote policy gets here with another address; no lookup: the address is known already.
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return false;
        }
    }

    /** @return the default policy: 127.0.0.0/8, ::1 and {@code localhost} only */
    public static Targets loopbackOnly() {
        return new Targets(false);
    }

    /** @return a policy that lets runs reach any host (an explicit operator choice) */
    public static Targets anyHost() {
        return new Targets(true);
    }

    /**
     * Resolves a host a run wants to reach, or refuses it. Under {@link #loopbackOnly()} no name is ever
     * looked up in DNS: {@code localhost}, names under {@code .localhost} and loopback literals resolve
     * locally, anything else is refused before a packet leaves the machine.
     *
     * @param host a host name or IP literal (IPv6 with or without brackets)
     * @return the address to use
     * @throws UnknownHostException      if the name is malformed or can never resolve ({@code .invalid}, RFC 6761 §6.4)
     * @throws TargetNotAllowedException if the policy forbids the host
     */
    public InetAddress resolve(String host) throws UnknownHostException {
        String name = host == null ? "" : host.trim();
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        if (name.endsWith(".") && name.length() > 1) {
            // A fully qualified name ("localhost.") means the same host as without its final dot.
            name = name.substring(0, name.length() - 1);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("localhost") || lower.endsWith(".localhost")) {
            // RFC 6761 §6.3: localhost names always mean the loopback interface.
            return InetAddress.getByAddress(name, new byte[] {127, 0, 0, 1});
        }
        if (HostNames.isIpLiteral(name)) {
            InetAddress address = InetAddress.getByName(name);
            if (address.isLoopbackAddress() || allowRemote) {
                return address;
            }
            throw new TargetNotAllowedException(host);
        }
        if (!HostNames.isValidName(lower) || lower.equals("invalid") || lower.endsWith(".invalid")) {
            throw new UnknownHostException(host + ": invalid hostname");
        }
        if (!allowRemote) {
            throw new TargetNotAllowedException(host);
        }
        return InetAddress.getByName(name);
    }
}
