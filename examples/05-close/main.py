# ko: 연결 끊기와 TIME-WAIT: 한 프로그램이 서버와 클라이언트를 모두 맡아요. 서버 쪽이 먼저 close()하고,
# ko: 클라이언트는 EOF를 읽은 뒤 close()해요. 먼저 끊은 서버 쪽 연결이 TIME-WAIT로 포트를 잡고 있어요.
# en: Closing and TIME-WAIT: one program plays both server and client. The server side closes first; the
# en: client reads EOF, then closes. The server side, which closed first, keeps the port in TIME-WAIT.
# ko: 쓰는 법: python3 main.py [포트]   (기본 8080)
# en: Usage: python3 main.py [port]   (default 8080)
import errno
import socket
import sys
import time

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080

# ko: 서버: 리슨 소켓 (SO_REUSEADDR: 프로그램을 곧바로 다시 실행할 수 있게)
# en: server: the listening socket (SO_REUSEADDR, so the program can run again right away)
listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
listener.bind(("127.0.0.1", port))
listener.listen(5)

client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
client.connect(("127.0.0.1", port))
conn, _ = listener.accept()

# ko: ① 서버가 먼저 끊어요: FIN
# en: (1) the server closes first: FIN
conn.close()
# ko: ② FIN이 도착해 있으니 recv()는 EOF(빈 bytes)를 돌려줘요
# en: (2) the FIN has arrived, so recv() returns EOF (empty bytes)
print("client read:", client.recv(100))
# ko: ③ 클라이언트도 끊어요: FIN. 서버 쪽은 그 ACK를 보내고 TIME-WAIT로 들어가요
# en: (3) the client closes too: FIN. The server side ACKs it and enters TIME-WAIT
client.close()
listener.close()
time.sleep(0.2)  # ko: 마지막 ACK가 오갈 시간 / en: time for the last ACK

# ko: 같은 포트에 다시 bind(): TIME-WAIT 연결이 아직 포트를 잡고 있어요
# en: bind() the same port again: the TIME-WAIT connection still holds it
for reuse in (0, 1):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, reuse)
    try:
        s.bind(("127.0.0.1", port))
        result = "ok"
    except OSError as e:
        result = errno.errorcode[e.errno]
    print("bind again, SO_REUSEADDR =", reuse, "->", result)
    s.close()
