# Server.py
import socket

BUFFER_SIZE = 1024

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(('localhost', 9090))
server.listen(1)

while True:
    conn, addr = server.accept()
    request = b""
    while b"\r\n\r\n" not in request:        # the head ends with a blank line
        chunk = conn.recv(BUFFER_SIZE)
        if not chunk:
            break
        request += chunk
    head, _, body = request.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    while len(body) < length:                 # then Content-Length bytes of body
        chunk = conn.recv(BUFFER_SIZE)
        if not chunk:
            break
        body += chunk
        request += chunk
    print(request.decode())
    conn.close()                              # no response: curl prints (52)
