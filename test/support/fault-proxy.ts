/**
 * A TCP proxy between the functions and DynamoDB Local that plays the network failing: `pass` (a plain
 * proxy), `refuse` (nothing listens: ECONNREFUSED), `blackhole` (connections open, nothing ever answers),
 * `drop-answers` (requests reach the table, its answers never come back: a write may have happened) and `slow`
 * (every chunk held for `delayMs`). Changing the mode cuts open connections, so the SDK's kept-alive sockets
 * meet the new behaviour on their next request.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';

export type FaultMode = 'pass' | 'refuse' | 'blackhole' | 'drop-answers' | 'slow';

export interface FaultProxy {
  endpoint: string;
  set(mode: FaultMode, options?: { delayMs?: number }): Promise<void>;
  close(): Promise<void>;
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  let mode: FaultMode = 'pass';
  let delayMs = 0;
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const relay = (from: Socket, to: Socket, hold: boolean) =>
    from.on('data', (chunk) => {
      if (hold) setTimeout(() => to.write(chunk), delayMs);
      else to.write(chunk);
    });

  const handle = (client: Socket) => {
    track(client);
    if (mode === 'blackhole') {
      client.resume(); // read and drop everything, answer nothing
      return;
    }
    const server = connect(Number(upstream.port), upstream.hostname);
    track(server);
    client.on('close', () => server.destroy());
    server.on('close', () => client.destroy());
    relay(client, server, mode === 'slow');
    if (mode === 'drop-answers') server.resume();
    else relay(server, client, mode === 'slow');
  };

  let listener: Server = createServer(handle);
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const port = (listener.address() as { port: number }).port;

  const cutAll = () => {
    for (const socket of sockets) socket.destroy();
  };

  return {
    endpoint: `http://127.0.0.1:${port}`,
    async set(next, options = {}) {
      cutAll();
      delayMs = options.delayMs ?? 0;
      if (next === 'refuse' && mode !== 'refuse') await new Promise((resolve) => listener.close(resolve));
      if (next !== 'refuse' && mode === 'refuse') {
        listener = createServer(handle);
        await new Promise<void>((resolve) => listener.listen(port, '127.0.0.1', resolve));
      }
      mode = next;
    },
    async close() {
      cutAll();
      if (mode !== 'refuse') await new Promise((resolve) => listener.close(resolve));
    },
  };
}
