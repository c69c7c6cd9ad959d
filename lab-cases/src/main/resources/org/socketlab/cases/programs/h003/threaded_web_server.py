# Optional exercise 1: the web server, one thread per request
from socket import *
import threading

def serve(connectionSocket):
    try:
        message = connectionSocket.recv(1024)
        filename = message.split()[1]
        f = open(filename[1:])
        outputdata = f.read()
        connectionSocket.send("HTTP/1.1 200 OK\r\n\r\n")
        for i in range(0, len(outputdata)):
            connectionSocket.send(outputdata[i])
        connectionSocket.send("\r\n")
    except IOError:
        connectionSocket.send("HTTP/1.1 404 Not Found\r\n\r\n")
        connectionSocket.send("<html><head></head><bdy><h1>404 Not Found</h1></bdy></html>\r\n")
    connectionSocket.close()

serverSocket = socket(AF_INET, SOCK_STREAM)
serverSocket.bind(('', 6789))
serverSocket.listen(5)
while True:
    print 'Ready to serve...'
    connectionSocket, addr = serverSocket.accept()
    print 'Started a thread for', addr
    threading.Thread(target=serve, args=(connectionSocket,)).start()
