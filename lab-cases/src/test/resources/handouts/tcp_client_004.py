# Handout 004, 1.1.2 tcp_client.py, as a student runs it on Python 3: raw_input is input, and the
# sentence is encoded before send. The server's address comes from the command line instead of
# being written into the program (the handout's is 10.0.2.15:12001).
import sys
from socket import *
serverName = sys.argv[1]
serverPort = int(sys.argv[2])
clientSocket = socket(AF_INET, SOCK_STREAM)
clientSocket.connect((serverName,serverPort))
sentence = input('Input lowercase sentence:')
clientSocket.send(sentence.encode())
modifiedSentence = clientSocket.recv(1024)
print('From Server:', modifiedSentence.decode())
clientSocket.close()
