# simple_server.py: a simple HTTP server for a browser, one thread per client
import socket
import threading

PAGE = "<html>Congratulations! You've downloaded the first Wireshark lab file!</html>"

def handle(client_socket, client_address):
    request = client_socket.recv(1024)
    print(f"Connected by {client_address}")
    print(f"Received: {request}")
    response = ("HTTP/1.1 200 OK\r\n"
                "Content-Type: text/html; charset=UTF-8\r\n\r\n"
                + PAGE + "\r\n")
    client_socket.send(response.encode())
    print("Sending>>>>>>>")
    print("HTTP/1.1 200 OK")
    print("Content-Type: text/html; charset=UTF-8")
    print(PAGE)
    print("<<<<<<<<")
    client_socket.close()

host, port = '127.0.0.1', 8080
server_socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server_socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server_socket.bind((host, port))
server_socket.listen(5)
print(f"HTTP Server listening on {host}:{port}")
while True:
    client_socket, client_address = server_socket.accept()
    print(f"Connection from {client_address}")
    threading.Thread(target=handle, args=(client_socket, client_address), daemon=True).start()
