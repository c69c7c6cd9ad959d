import socket

# Create a UDP socket
client_socket = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)

# Server address
HOST = '127.0.0.1'
PORT = 9090

# Send message (no connect() needed!)
message = "Hello from UDP client!"
client_socket.sendto(message.encode(), (HOST, PORT))
print(f"Sent to {HOST}:{PORT}")

# Receive response
data, server_address = client_socket.recvfrom(1024)
print(f"Received from {server_address}: {data.decode()}")

# Close socket
client_socket.close()
