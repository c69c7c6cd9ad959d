package org.socketlab.server.plugins;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Optional;

/**
 * Finds, in a class file's constant pool (JVMS §4.4), a reference to a method that would stop the whole
 * server: {@code System.exit}, {@code Runtime.exit} or {@code Runtime.halt}. Every call site, method reference
 * ({@code System::exit}) and method handle constant names its method through such an entry, so a class that
 * has none cannot call them except by reflection. Reading the pool costs a few microseconds a class.
 */
final class ForbiddenCalls {
    private static final int MAGIC = 0xCAFEBABE;

    private ForbiddenCalls() {
    }

    /**
     * @param classFile the bytes of a class file
     * @return the forbidden method it refers to, e.g. "System.exit"; empty if none (or if the bytes are not a
     *         class file, which defining the class will then report)
     */
    static Optional<String> find(byte[] classFile) {
        return scan(classFile).forbidden();
    }

    /**
     * What a class file refers to that matters to Socket Lab.
     *
     * @param forbidden a method that would stop the server, e.g. "System.exit"
     * @param rawSocket a JDK socket made directly, e.g. "java.net.Socket", which escapes the run's target
     *                  policy and transcript (allowed, but worth a warning)
     */
    record Findings(Optional<String> forbidden, Optional<String> rawSocket) {
        static final Findings NONE = new Findings(Optional.empty(), Optional.empty());
    }

    static Findings scan(byte[] classFile) {
        try {
            return scan(new DataInputStream(new ByteArrayInputStream(classFile)));
        } catch (IOException | RuntimeException e) {
            return Findings.NONE;
        }
    }

    private static Findings scan(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            return Findings.NONE;
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classNames = new int[count];
        int[] refClass = new int[count];
        int[] refNameAndType = new int[count];
        int[] natName = new int[count];
        boolean[] methodRef = new boolean[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 3, 4 -> in.skipNBytes(4);
                case 5, 6 -> {
                    // A long or a double takes two entries (JVMS §4.4.5).
                    in.skipNBytes(8);
                    i++;
                }
                case 7 -> classNames[i] = in.readUnsignedShort();
                case 8, 16, 19, 20 -> in.skipNBytes(2);
                case 9, 10, 11 -> {
                    methodRef[i] = tag != 9;
                    refClass[i] = in.readUnsignedShort();
                    refNameAndType[i] = in.readUnsignedShort();
                }
                case 12 -> {
                    natName[i] = in.readUnsignedShort();
                    in.skipNBytes(2);
                }
                case 15 -> in.skipNBytes(3);
                case 17, 18 -> in.skipNBytes(4);
                default -> {
                    return Findings.NONE;
                }
            }
        }
        Optional<String> forbidden = Optional.empty();
        Optional<String> rawSocket = Optional.empty();
        for (int i = 1; i < count; i++) {
            if (!methodRef[i]) {
                continue;
            }
            String owner = at(utf8, classNames[refClass[i]]);
            String name = at(utf8, natName[refNameAndType[i]]);
            if ("java/lang/System".equals(owner) && "exit".equals(name)) {
                forbidden = Optional.of("System.exit");
            } else if ("java/lang/Runtime".equals(owner) && ("exit".equals(name) || "halt".equals(name))) {
                forbidden = Optional.of("Runtime." + name);
            } else if (isRawSocket(owner, name)) {
                rawSocket = Optional.of(owner.replace('/', '.'));
            }
        }
        return new Findings(forbidden, rawSocket);
    }

    private static boolean isRawSocket(String owner, String name) {
        if (owner == null) {
            return false;
        }
        return switch (owner) {
            case "java/net/Socket", "java/net/ServerSocket", "java/net/DatagramSocket" -> "<init>".equals(name);
            case "java/nio/channels/SocketChannel", "java/nio/channels/ServerSocketChannel",
                    "java/nio/channels/DatagramChannel" -> "open".equals(name);
            default -> false;
        };
    }

    private static String at(String[] utf8, int index) {
        return index > 0 && index < utf8.length ? utf8[index] : null;
    }
}
