# request_info_server.py: the Part 6 challenge
import socket

HOST = '127.0.0.1'
PORT = 8000
PAGES = ['/', '/hello', '/about']

server_socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server_socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server_socket.bind((HOST, PORT))
server_socket.listen(5)
print(f"Request-info server running on http://{HOST}:{PORT}")

while True:
    client_socket, client_address = server_socket.accept()
    request = client_socket.recv(1024).decode()
    lines = request.split('\r\n')
    method, path, version = lines[0].split(' ')
    user_agent = ''
    for line in lines[1:]:
        if line.lower().startswith('user-agent:'):
            user_agent = line.split(':', 1)[1].strip()
    if path in PAGES:
        response = f"""HTTP/1.1 200 OK
Content-Type: text/html; charset=utf-8

<html>
<body>
    <h1>Request Info</h1>
    <p><strong>Method:</strong> {method}</p>
    <p><strong>Path:</strong> {path}</p>
    <p><strong>Browser:</strong> {user_agent}</p>
</body>
</html>
"""
    else:
        response = """HTTP/1.1 404 Not Found
Content-Type: text/html; charset=utf-8

<html>
<body>
    <h1>404 Not Found</h1>
    <p>The page you requested does not exist.</p>
</body>
</html>
"""
    print(f"{lines[0]} -> {response.splitlines()[0]}")
    client_socket.send(response.encode())
    client_socket.close()
