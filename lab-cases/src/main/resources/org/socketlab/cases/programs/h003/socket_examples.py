# socketExample1.py .. socketExample4.py, one after the other
import socket
import sys

# socketExample1: create a socket
try:
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
except socket.error as msg:
    print('Failed to create socket: ' + str(msg))
    sys.exit()
print('Socket Created')

# socketExample2: connect to a server (port 80 is open; another port is not)
host = 'www.google.com'
port = 80
remote_ip = socket.gethostbyname(host)
s.connect((remote_ip, port))
print('Socket Connected to ' + host + ' on port ' + str(port))

other = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
try:
    other.connect((remote_ip, 8080))
    print('Socket Connected to ' + host + ' on port 8080')
except socket.error as msg:
    print('Failed to connect to port 8080: ' + str(msg))

# socketExample3: send data
message = "GET / HTTP/1.1\r\n\r\n"
s.sendall(message.encode())
print('Message send successfully')

# socketExample4: receive the reply
reply = s.recv(4096)
print(reply.decode())
s.close()
