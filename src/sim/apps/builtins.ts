/**
 * The built-in hosts: the resolver, a web server, a mail server and an echo server, each running as an
 * event-driven application on its own simulated host through the ordinary socket layer.
 */
import type {AppContext} from './app';
import {dnsServer} from './dns';
import {echoServer} from './echo';
import {mailServer} from './mail';
import {webServer, type WebServerOptions} from './web';

export interface BuiltinWorld {
  addHost(name: string, ip?: string, builtin?: boolean): string;
  runApp(host: string, app: (ctx: AppContext) => void): void;
  /** the address of a host name, or null */
  ipOf(name: string): string | null;
}

export const BUILTIN_HOSTS = {
  dns: '10.0.0.53',
  'www.example.com': '93.184.216.34',
  'mail.example.com': '93.184.216.25',
  'echo.example.com': '93.184.216.7',
} as const;

export function installBuiltins(world: BuiltinWorld, web: WebServerOptions = {}): void {
  for (const [name, ip] of Object.entries(BUILTIN_HOSTS)) world.addHost(name, ip, true);
  world.runApp('dns', dnsServer((name) => world.ipOf(name.replace(/\.$/, '').toLowerCase())));
  world.runApp('www.example.com', (ctx) => webServer(ctx, web));
  world.runApp('mail.example.com', mailServer);
  world.runApp('echo.example.com', echoServer);
}
