/**
 * The resolver host "dns" (10.0.0.53). world.resolve() answers from the world's host table directly
 * (a stub resolver does not need a visible exchange in every example); this server lets a program ask
 * over TCP port 53 with a plain line protocol: send a name and a newline, get the address or NXDOMAIN.
 */
import type {AppContext} from './app';
import {serve, text} from './server';

export const DNS_PORT = 53;

export function dnsServer(lookup: (name: string) => string | null) {
  return (ctx: AppContext): void => {
    serve(ctx, DNS_PORT, (conn) => {
      let buffer = '';
      return {
        data(bytes) {
          buffer += text(bytes);
          let nl: number;
          while ((nl = buffer.indexOf('\n')) >= 0) {
            const name = buffer.slice(0, nl).trim();
            buffer = buffer.slice(nl + 1);
            if (name) conn.send(`${lookup(name) ?? 'NXDOMAIN'}\r\n`);
          }
        },
        eof: () => conn.end(),
      };
    });
  };
}
