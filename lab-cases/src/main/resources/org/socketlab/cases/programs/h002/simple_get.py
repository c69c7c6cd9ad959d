# simple_get.py: GET a small file with one recv()
import socket

host = "gaia.cs.umass.edu"
port = 80
uri = "/wireshark-labs/INTRO-wireshark-file1.html"

request = f"GET {uri} HTTP/1.1\r\nHost:{host}\r\n\r\n"
print(f"Request: GET {uri} HTTP/1.1")
print(f"Host:{host}")

sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sock.connect((host, port))
sock.send(request.encode())
response = sock.recv(4096)                 # one recv is enough for a small file
text = response.decode()
print(f"[RECV] - length: {len(text)}")
print(text)
sock.close()
