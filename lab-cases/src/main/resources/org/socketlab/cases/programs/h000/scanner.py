# scanner.py
import socket

def scan(host, port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(0.5)
    try:
        s.connect((host, port))
        print(f"Port {port} on {host} is Open")
    except (socket.timeout, OSError):
        print(f"Port {port} on {host} is Close")
    finally:
        s.close()

scan("localhost", 22)
