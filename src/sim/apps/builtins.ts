/** The built-in hosts and their servers (filled in below the core stack). */
import type {AppContext} from './app';

export interface BuiltinWorld {
  addHost(name: string, ip?: string, builtin?: boolean): string;
  runApp(host: string, app: (ctx: AppContext) => void): void;
}

export function installBuiltins(world: BuiltinWorld): void {
  world.addHost('dns', '10.0.0.53', true);
  world.addHost('www.example.com', '93.184.216.34', true);
  world.addHost('mail.example.com', '93.184.216.25', true);
  world.addHost('echo.example.com', '93.184.216.7', true);
}
