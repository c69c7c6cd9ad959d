# Handout 001, Part 2 tcp_client.py, verbatim but for HOST and PORT, which come from the command line
# (the handout's are 127.0.0.1 and 8080).
import socket
import sys

# Create a TCP socket
client_socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)

# Connect to server
HOST = sys.argv[1]
PORT = int(sys.argv[2])

client_socket.connect((HOST, PORT))
print(f"Connected to {HOST}:{PORT}")

# Send message to server
message = "Hello from client!"
client_socket.send(message.encode())

# Receive response from server
data = client_socket.recv(1024)
print(f"Received: {data.decode()}")

# Close connection
client_socket.close()
