# Server.py, first try: one recv per request
import socket

BUFFER_SIZE = 1024

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(('localhost', 9090))
server.listen(1)

while True:
    conn, addr = server.accept()
    request = conn.recv(BUFFER_SIZE)          # a large body does not fit
    print(request.decode())
    conn.close()                              # unread bytes left: the system answers with a reset
