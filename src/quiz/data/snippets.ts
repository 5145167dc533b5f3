/** Program fragments that several quiz questions start from. */

/** Both ends played by the program: `server` listens on 8080, the client connects, the server accepts. */
export const listenAndConnect = `const SERVER = '10.0.0.3';
let lfd = 0;
let conn = 0;
on('server', () => {
  lfd = socket();
  bind(lfd, INADDR_ANY, 8080);
  listen(lfd, 5);
});
const fd = socket();
connect(fd, SERVER, 8080);
on('server', () => { conn = accept(lfd); });`;
