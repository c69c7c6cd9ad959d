import socket

# Create TCP socket
client_socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)

# Connect to local Apache server
HOST = 'localhost'
PORT = 80

client_socket.connect((HOST, PORT))
print(f"Connected to {HOST}:{PORT}")

# Send raw HTTP request
http_request = "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
client_socket.send(http_request.encode())
print("Sent HTTP request:")
print(http_request)

# Receive HTTP response
response = b""
while True:
    chunk = client_socket.recv(4096)
    if not chunk:
        break
    response += chunk

client_socket.close()

# Print response
print("\nReceived HTTP response:")
print(response.decode())
