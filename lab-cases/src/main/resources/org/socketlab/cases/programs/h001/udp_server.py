import socket

# Create a UDP socket
server_socket = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)

# Bind to address and port
HOST = '127.0.0.1'
PORT = 9090

server_socket.bind((HOST, PORT))
print(f"UDP Server listening on {HOST}:{PORT}")

# Message counter
message_count = 0

# Keep server running
while True:
    # Receive data (no accept() needed - UDP is connectionless!)
    data, client_address = server_socket.recvfrom(1024)
    message_count += 1
    print(f"\nMessage #{message_count} from {client_address}: {data.decode()}")
    
    # Send response back to client
    response = f"Received! Message #{message_count}"
    server_socket.sendto(response.encode(), client_address)
