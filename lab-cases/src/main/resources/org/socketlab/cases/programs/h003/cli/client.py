# Optional exercise 2: client.py server_host server_port filename
from socket import *
import sys

serverHost = sys.argv[1]
serverPort = int(sys.argv[2])
filename = sys.argv[3]

clientSocket = socket(AF_INET, SOCK_STREAM)
clientSocket.connect((serverHost, serverPort))
clientSocket.send("GET /" + filename + " HTTP/1.1\r\nHost: " + serverHost + "\r\n\r\n")
response = ""
while True:
    data = clientSocket.recv(1024)
    if not data:
        break
    response += data
print response
clientSocket.close()
