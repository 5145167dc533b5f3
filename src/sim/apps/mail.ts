/**
 * mail.example.com port 25: enough SMTP (RFC 5321) to show a server that speaks first.
 * Greets with "220 mail.example.com ESMTP", answers HELO/EHLO, NOOP, RSET and QUIT, and says 502 to
 * anything else.
 */
import type {AppContext} from './app';
import {serve, text} from './server';

export const SMTP_PORT = 25;
const NAME = 'mail.example.com';

export function mailServer(ctx: AppContext): void {
  serve(ctx, SMTP_PORT, (conn) => {
    let buffer = '';
    conn.send(`220 ${NAME} ESMTP\r\n`);
    return {
      data(bytes) {
        buffer += text(bytes);
        let nl: number;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, nl).replace(/\r$/, '');
          buffer = buffer.slice(nl + 1);
          const verb = line.split(' ')[0].toUpperCase();
          if (verb === 'HELO' || verb === 'EHLO') {
            const who = line.slice(5).trim() || 'there';
            conn.send(`250 ${NAME} Hello ${who}\r\n`);
          } else if (verb === 'NOOP' || verb === 'RSET') {
            conn.send('250 OK\r\n');
          } else if (verb === 'QUIT') {
            conn.send(`221 ${NAME} closing connection\r\n`);
            conn.end();
            return;
          } else {
            conn.send('502 Command not implemented\r\n');
          }
        }
      },
      eof: () => conn.end(),
    };
  });
}
