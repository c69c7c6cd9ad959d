# server.py, fixed: TCP is a stream, so Bob calls recv until Alice closes
import socket

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.bind(('localhost', 9999))
server.listen(1)
print(" Bob's server is listening...")

client_socket, address = server.accept()
message = b""
while True:
    chunk = client_socket.recv(8)
    if not chunk:          # 0 bytes: Alice has closed, the message is complete
        break
    message += chunk
print(f" Bob received: '{message.decode()}'")
client_socket.close()
