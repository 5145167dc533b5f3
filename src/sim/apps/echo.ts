/** echo.example.com port 7 (RFC 862): sends back every byte it receives, closes when the client does. */
import type {AppContext} from './app';
import {serve} from './server';

export const ECHO_PORT = 7;

export function echoServer(ctx: AppContext): void {
  serve(ctx, ECHO_PORT, (conn) => ({
    data: (bytes) => conn.send(bytes.slice()),
    eof: () => conn.end(),
  }));
}
