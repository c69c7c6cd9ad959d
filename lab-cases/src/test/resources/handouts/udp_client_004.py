# Handout 004, 1.2.2 udp_client.py, as a student runs it on Python 3 (input, encode, decode). The
# server's address comes from the command line (the handout's is 10.0.2.15:11000).
import sys
from socket import *
serverName = sys.argv[1]
serverPort = int(sys.argv[2])
clientSocket = socket(AF_INET,SOCK_DGRAM)
message = input('Input lowercase sentence:')
clientSocket.sendto(message.encode(),(serverName, serverPort))
modifiedMessage, serverAddress = clientSocket.recvfrom(2048)
print(modifiedMessage.decode())
clientSocket.close()
