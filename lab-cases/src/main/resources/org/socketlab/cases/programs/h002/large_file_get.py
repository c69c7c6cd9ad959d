# large_file_get.py: GET a large file, recv() in a loop until the server closes
import socket

host = "gaia.cs.umass.edu"
port = 80
uri = "/wireshark-labs/HTTP-wireshark-file3.html"

request = f"GET {uri} HTTP/1.1\r\nHost:{host}\r\n\r\n"
print(f"Request: GET {uri} HTTP/1.1")
print(f"Host:{host}")

sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sock.connect((host, port))
sock.send(request.encode())
data = b""
while True:
    chunk = sock.recv(1024)
    if len(chunk) <= 0:                     # the server closed the connection
        break
    data += chunk
text = data.decode()
print(f"[RECV] - total length: {len(text)}")
print(text)
sock.close()
